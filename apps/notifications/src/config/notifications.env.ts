import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { PlatformEnv } from '@lms/service-kit';
import { DEFAULT_DIGEST_SETTINGS } from '../deliveries/domain/coach-digest';
import { DEFAULT_DELIVERY_SETTINGS } from '../deliveries/domain/delivery-policy';
import { DEFAULT_SESSION_REMINDER_SETTINGS } from '../sessions/domain/scheduled-session';

export const DEFAULT_MAIL_FROM = 'Coaching Platform <no-reply@coaching-platform.local>';
export const DEFAULT_APP_URL = 'http://127.0.0.1:3000';

const defaults = DEFAULT_DELIVERY_SETTINGS;

/** The notifications service's environment, checked at start-up. */
export class NotificationsEnv extends PlatformEnv {
  override PORT = 3104;

  /** Outgoing mail server, e.g. `smtp://127.0.0.1:1025` or `smtps://user:pass@host:465`. */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL!: string;

  /** The `From` of every mail. */
  @IsString()
  @Matches(/<[^<>\s]+@[^<>\s]+>$|^[^<>\s]+@[^<>\s]+$/, {
    message: 'MAIL_FROM must be an address, optionally with a name: "Name <address@host>"',
  })
  MAIL_FROM = DEFAULT_MAIL_FROM;

  /** Public address of the web app; mail links point under it. */
  @IsNotEmpty()
  @Matches(/^https?:\/\/[^\s/]+\S*$/, { message: 'APP_URL must be an http:// or https:// URL' })
  APP_URL = DEFAULT_APP_URL;

  /** Send attempts in all before a delivery is parked as failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_MAX_ATTEMPTS = defaults.maxAttempts;

  /** Wait before the first retry of a failed send; it doubles at each further attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_RETRY_INITIAL_MS = defaults.initialBackoffMs;

  /** The longest wait between two attempts of a send. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_RETRY_MAX_MS = defaults.maxBackoffMs;

  /** How long an instance holds a delivery it is sending; after that another may retry it. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  DELIVERY_LEASE_MS = defaults.leaseMs;

  /** How often a mail waiting for its recipient's account to be known looks again. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_RECIPIENT_RECHECK_MS = defaults.recipientRecheckMs;

  /** How long a mail waits for its recipient's account before it is parked as failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DELIVERY_RECIPIENT_WAIT_MAX_MS = defaults.recipientWaitMaxMs;

  /**
   * How long the sender waits, with nothing due, before it looks again (deliveries this
   * instance records wake it at once; those of other instances and retries are found then);
   * 0 turns the sender off (an instance that only records).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DELIVERY_SENDER_IDLE_MS = 1_000;

  /**
   * Due deliveries the sender reads at a time, a fair share of each tenant with mail to send.
   * On the local stand-in each read scans the deliveries: a burst of 20,000 mails here went out
   * at 496 mails/s with 500 and 604 with 2,000 (no faster with 5,000); a mail recorded during a
   * pass waits for the next one, a few seconds at most.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  DELIVERY_SENDER_BATCH_SIZE = 2_000;

  /**
   * Mails one instance may have on their way at once; also its SMTP connections. Chunks of
   * mails alternate between the database (claim, reads, record) and the mail server, so the
   * mail server stays busy only with several chunks in flight. A burst of 10,000 mails here
   * went out at 417 mails/s with 40, 566 with 80, 605 with 120 and no faster with 200, where
   * the machine's two cores then bound it (docs/benchmarks.md).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DELIVERY_SEND_CONCURRENCY = 120;

  /**
   * How long a coach's "new mentee" mail waits for others before it goes out, alone or in one
   * digest with them; 0 turns digests off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(24 * 60 * 60_000)
  DIGEST_WINDOW_MS = DEFAULT_DIGEST_SETTINGS.windowMs;

  /** New mentees of one coach, pending together, from which they go out as one digest. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  DIGEST_THRESHOLD = DEFAULT_DIGEST_SETTINGS.threshold;

  /** Mentees a digest names (it counts them all). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DIGEST_NAMES = DEFAULT_DIGEST_SETTINGS.names;

  /** How long before a session starts its learners are reminded of it (NO-1). */
  @Type(() => Number)
  @IsInt()
  @Min(60_000)
  @Max(30 * 24 * 60 * 60_000)
  SESSION_REMINDER_LEAD_MS = DEFAULT_SESSION_REMINDER_SETTINGS.leadMs;

  /** How often an instance looks for sessions whose learners are due a reminder; 0: never on this instance. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SESSION_REMINDER_INTERVAL_MS = DEFAULT_SESSION_REMINDER_SETTINGS.intervalMs;
}
