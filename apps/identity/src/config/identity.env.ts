import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { JobsEnv } from '@lms/service-kit';

/** The identity service's environment, checked at start-up. */
export class IdentityEnv extends JobsEnv {
  override PORT = 3101;

  /** Lifetime of an access token, in seconds: minutes, since an access token cannot be revoked. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3_600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Lifetime of a refresh token, in days; each refresh exchanges it for a new one. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Failed logins of one account (tenant and e-mail) within a window before sign-in is refused. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed logins from one client address within a window before sign-in is refused. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  /** The window of both limits, in seconds: it opens at the first failure. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** Name of the host tenant (code `1000`), given when it is created at first start. */
  @IsString()
  @Length(1, 200)
  HOST_TENANT_NAME = 'Platform';

  /**
   * IANA time zone of the host tenant, given when it is created at first start; afterwards it
   * is edited like any tenant's.
   */
  @IsString()
  @IsTimeZone()
  HOST_TENANT_TIMEZONE = 'UTC';

  /** E-mail of the System Administrator created at first start. */
  @IsString()
  @MaxLength(254)
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL = 'admin@platform.local';

  /**
   * Password of the System Administrator created at first start; without it a random one is
   * generated and written once to the log. Read only until that administrator exists.
   */
  @IsOptional()
  @IsString()
  @Length(12, 256)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /**
   * How often each instance looks for users whose expiry has passed (ID-U3), in milliseconds;
   * 0: never. Every instance may sweep: each user is expired once.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  USER_EXPIRY_SWEEP_INTERVAL_MS = 60_000;

  /** Users read, and expired, per batch of a sweep. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  USER_EXPIRY_SWEEP_BATCH = 200;

  /**
   * How often each instance settles the administrative changes a crash cut short (ID-R2), in
   * milliseconds; 0: only at start-up.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  ADMIN_REGISTRY_RECONCILE_INTERVAL_MS = 60_000;

  /** Accounts deactivated per chunk of a tenant's deletion (ID-T2): one page read each. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  TENANT_DELETION_CHUNK_SIZE = 200;

  /** Users changed per chunk of a bulk state change (ID-U5): one progress save each. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  BULK_STATE_CHUNK_SIZE = 50;
}
