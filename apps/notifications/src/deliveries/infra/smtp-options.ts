import type SMTPPool from 'nodemailer/lib/smtp-pool';

/**
 * Tries of a mail on a new connection after the server closed the one it was on (nodemailer's
 * pool option `maxRequeues`, which its type definitions do not list yet).
 */
export const MAX_REQUEUES = 2;

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
): SMTPPool.Options & { maxRequeues: number } {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  }
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections,
    // A server that closes the connection while a mail is on it: the mail is tried on a new
    // connection twice, then the send fails and the delivery's own backoff takes over. The
    // pool's default is to try again forever, which leaves the send (and its claim) hanging.
    maxRequeues: MAX_REQUEUES,
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
