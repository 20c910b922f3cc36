import { smtpOptionsFromUrl } from './smtp-options';

describe('smtpOptionsFromUrl', () => {
  it('keeps the pool, its bounded requeues and the timeouts next to the address', () => {
    expect(smtpOptionsFromUrl('smtp://127.0.0.1:1025', 15_000, 8)).toEqual({
      pool: true,
      maxConnections: 8,
      maxRequeues: 2,
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      auth: undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 15_000,
    });
  });

  it('reads credentials and TLS from the URL', () => {
    const options = smtpOptionsFromUrl('smtps://mailer%40acme:p%40ss@smtp.acme.test', 5_000, 2);
    expect(options).toMatchObject({
      host: 'smtp.acme.test',
      port: 465,
      secure: true,
      auth: { user: 'mailer@acme', pass: 'p@ss' },
    });
  });

  it('refuses an address that is not SMTP', () => {
    expect(() => smtpOptionsFromUrl('http://127.0.0.1:1080', 1_000, 1)).toThrow(/smtp:\/\//);
  });
});
