import type SMTPPool from 'nodemailer/lib/smtp-pool';

/**
 * nodemailer options from `SMTP_URL` (`smtp://user:pass@host:port`, or `smtps://` for TLS
 * from the first byte). The URL is parsed here rather than handed to nodemailer as `url`,
 * because nodemailer then builds its options from the URL alone and silently drops the
 * pool and the timeouts.
 */
export function smtpOptionsFromUrl(
  smtpUrl: string,
  timeoutMs: number,
  maxConnections: number,
): SMTPPool.Options {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  }
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}
