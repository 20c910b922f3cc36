import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from '../deliveries/domain/delivery-policy';

/** Everything the service reads from its environment, validated once at start-up. */
export interface NotificationsConfig {
  /** Outgoing mail server, e.g. `smtp://127.0.0.1:1025` or `smtps://user:pass@host:465`. */
  smtpUrl: string;
  /** The `From` of every mail. */
  mailFrom: string;
  /** Public address of the web app; mail links point under it. */
  appUrl: string;
  delivery: DeliverySettings;
  /** How often the retry sweeper looks for due deliveries; 0 turns it off. */
  sweepIntervalMs: number;
  /** Deliveries taken per sweep. */
  sweepBatchSize: number;
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export const DEFAULT_MAIL_FROM = 'Coaching Platform <no-reply@coaching-platform.local>';
export const DEFAULT_APP_URL = 'http://127.0.0.1:3000';

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid notifications configuration: ${problems.join('; ')}`);
    this.name = 'InvalidConfigError';
  }
}

/** Reads and checks the configuration; throws one error listing every problem found. */
export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const url = (name: string, fallback: string | undefined, protocols: string[]): string => {
    const raw = text(name) ?? fallback;
    if (raw === undefined) {
      problems.push(`${name} is not set`);
      return '';
    }
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name} is not a URL`);
    }
    return raw;
  };
  const integer = (name: string, fallback: number, min: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be an integer >= ${min}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const defaults = DEFAULT_DELIVERY_SETTINGS;
  const config: NotificationsConfig = {
    smtpUrl: url('SMTP_URL', undefined, ['smtp:', 'smtps:']),
    mailFrom: text('MAIL_FROM') ?? DEFAULT_MAIL_FROM,
    appUrl: url('APP_URL', DEFAULT_APP_URL, ['http:', 'https:']).replace(/\/+$/, ''),
    delivery: {
      maxAttempts: integer('DELIVERY_MAX_ATTEMPTS', defaults.maxAttempts, 1),
      initialBackoffMs: integer('DELIVERY_RETRY_INITIAL_MS', defaults.initialBackoffMs, 1),
      maxBackoffMs: integer('DELIVERY_RETRY_MAX_MS', defaults.maxBackoffMs, 1),
      leaseMs: integer('DELIVERY_LEASE_MS', defaults.leaseMs, 1_000),
      recipientRecheckMs: integer('DELIVERY_RECIPIENT_RECHECK_MS', defaults.recipientRecheckMs, 1),
      recipientWaitMaxMs: integer('DELIVERY_RECIPIENT_WAIT_MAX_MS', defaults.recipientWaitMaxMs, 1),
    },
    sweepIntervalMs: integer('DELIVERY_SWEEP_INTERVAL_MS', 5_000, 0),
    sweepBatchSize: integer('DELIVERY_SWEEP_BATCH_SIZE', 100, 1),
  };
  if (!/<[^<>\s]+@[^<>\s]+>$|^[^<>\s]+@[^<>\s]+$/.test(config.mailFrom)) {
    problems.push('MAIL_FROM must be an address, optionally with a name: "Name <address@host>"');
  }
  if (problems.length > 0) throw new InvalidConfigError(problems);
  return config;
}
