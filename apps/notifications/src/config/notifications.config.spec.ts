import { DEFAULT_APP_URL, DEFAULT_MAIL_FROM, loadNotificationsConfig } from './notifications.config';

describe('loadNotificationsConfig', () => {
  it('needs only the mail server address', () => {
    const config = loadNotificationsConfig({ SMTP_URL: 'smtp://127.0.0.1:1025' });

    expect(config).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:1025',
      mailFrom: DEFAULT_MAIL_FROM,
      appUrl: DEFAULT_APP_URL,
      delivery: { maxAttempts: 5 },
    });
  });

  it('reads the optional settings', () => {
    const config = loadNotificationsConfig({
      SMTP_URL: 'smtps://user:secret@mail.example.test:465',
      MAIL_FROM: 'no-reply@example.test',
      APP_URL: 'https://app.example.test/',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_SWEEP_INTERVAL_MS: '0',
    });

    expect(config).toMatchObject({
      mailFrom: 'no-reply@example.test',
      appUrl: 'https://app.example.test',
      delivery: { maxAttempts: 3 },
      sweepIntervalMs: 0,
    });
  });

  it('names every problem at once', () => {
    expect(() =>
      loadNotificationsConfig({ APP_URL: 'ftp://x', DELIVERY_MAX_ATTEMPTS: 'many', MAIL_FROM: 'nobody' }),
    ).toThrow(
      /SMTP_URL is not set; APP_URL must use http: or https:; DELIVERY_MAX_ATTEMPTS must be an integer >= 1, got "many"; MAIL_FROM/,
    );
  });
});
