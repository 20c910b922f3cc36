import { validateEnv } from '@lms/service-kit';
import { notificationsConfigFrom } from './notifications.config';
import { DEFAULT_APP_URL, DEFAULT_MAIL_FROM, NotificationsEnv } from './notifications.env';

const INFRA = { MONGODB_URI: 'mongodb://127.0.0.1:27017', KAFKA_BROKERS: '127.0.0.1:9092' };

function load(env: Record<string, string>) {
  return notificationsConfigFrom(validateEnv(NotificationsEnv)({ ...INFRA, ...env }));
}

describe('the notifications configuration', () => {
  it('needs only the mail server address beside the infrastructure', () => {
    const config = load({ SMTP_URL: 'smtp://127.0.0.1:1025' });

    expect(config).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:1025',
      mailFrom: DEFAULT_MAIL_FROM,
      appUrl: DEFAULT_APP_URL,
      delivery: { maxAttempts: 5 },
    });
  });

  it('reads the optional settings', () => {
    const config = load({
      SMTP_URL: 'smtps://user:secret@mail.example.test:465',
      MAIL_FROM: 'no-reply@example.test',
      APP_URL: 'https://app.example.test/',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_SENDER_IDLE_MS: '0',
      DELIVERY_SEND_CONCURRENCY: '8',
      DIGEST_WINDOW_MS: '0',
      DIGEST_THRESHOLD: '20',
    });

    expect(config).toMatchObject({
      mailFrom: 'no-reply@example.test',
      appUrl: 'https://app.example.test',
      delivery: { maxAttempts: 3 },
      sender: { idleMs: 0, batchSize: 2_000, concurrency: 8 },
      digest: { windowMs: 0, threshold: 20, names: 10 },
    });
  });

  it("holds coaches' new-mentee mails a minute for a digest of five or more, unless told otherwise", () => {
    expect(load({ SMTP_URL: 'smtp://127.0.0.1:1025' }).digest).toEqual({
      windowMs: 60_000,
      threshold: 5,
      names: 10,
    });
    expect(() => load({ SMTP_URL: 'smtp://127.0.0.1:1025', DIGEST_THRESHOLD: '1' })).toThrow(
      /DIGEST_THRESHOLD/,
    );
  });

  it('reminds learners of their sessions a day ahead, looking every minute, unless told otherwise', () => {
    expect(load({ SMTP_URL: 'smtp://127.0.0.1:1025' }).sessionReminders).toEqual({
      leadMs: 86_400_000,
      intervalMs: 60_000,
    });
    expect(
      load({
        SMTP_URL: 'smtp://127.0.0.1:1025',
        SESSION_REMINDER_LEAD_MS: '3600000',
        SESSION_REMINDER_INTERVAL_MS: '0',
      }).sessionReminders,
    ).toEqual({ leadMs: 3_600_000, intervalMs: 0 });
    expect(() => load({ SMTP_URL: 'smtp://127.0.0.1:1025', SESSION_REMINDER_LEAD_MS: '10' })).toThrow(
      /SESSION_REMINDER_LEAD_MS/,
    );
  });

  it('names every problem at once', () => {
    expect(() => load({ APP_URL: 'ftp://x', DELIVERY_MAX_ATTEMPTS: 'many', MAIL_FROM: 'nobody' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL.*APP_URL must be an http:\/\/ or https:\/\/ URL.*DELIVERY_MAX_ATTEMPTS/s,
    );
    expect(() => load({ APP_URL: 'ftp://x', DELIVERY_MAX_ATTEMPTS: 'many', MAIL_FROM: 'nobody' })).toThrow(
      /MAIL_FROM must be an address/,
    );
  });
});
