import { jobRunnerSettings, type JobRunnerSettings } from '@lms/service-kit';
import type { IdentityEnv } from './identity.env';

/** Settings of the identity service, grouped for the code that uses them. */
export interface IdentityConfig {
  tokens: {
    issuer: string;
    accessTokenTtlSeconds: number;
  };
  /** Sign-in (ID-A1): refresh tokens and the throttling of failed logins. */
  signIn: {
    refreshTokenTtlMs: number;
    /** Failures per account (tenant and e-mail) within a window. */
    accountThrottle: { maxFailures: number; windowMs: number };
    /** Failures per client address within a window, across tenants. */
    addressThrottle: { maxFailures: number; windowMs: number };
  };
  /** Users (ID-U3) and their administrators (ID-R2): the periodic work of every instance. */
  users: {
    /** 0: no sweep. */
    expirySweep: { intervalMs: number; batchSize: number };
    /** 0: at start-up only. */
    adminRegistryReconcileIntervalMs: number;
    /** Users changed per chunk of a bulk state change (ID-U5). */
    bulkStateChunkSize: number;
  };
  /** Tenants (ID-T1): what the first start creates. */
  tenants: {
    bootstrap: {
      hostTenantName: string;
      hostTenantTimezone: string;
      administrator: { email: string; password: string | null };
    };
    /** Accounts deactivated per chunk of a tenant's deletion (ID-T2). */
    deletionChunkSize: number;
  };
  /** The job runner that runs tenant deletions and bulk state changes (rule 6). */
  jobs: JobRunnerSettings;
}

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export function identityConfigFrom(env: IdentityEnv): IdentityConfig {
  const windowMs = env.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
  return {
    tokens: { issuer: env.TOKEN_ISSUER, accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS },
    signIn: {
      refreshTokenTtlMs: env.REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000,
      accountThrottle: { maxFailures: env.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs },
      addressThrottle: { maxFailures: env.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs },
    },
    users: {
      expirySweep: { intervalMs: env.USER_EXPIRY_SWEEP_INTERVAL_MS, batchSize: env.USER_EXPIRY_SWEEP_BATCH },
      adminRegistryReconcileIntervalMs: env.ADMIN_REGISTRY_RECONCILE_INTERVAL_MS,
      bulkStateChunkSize: env.BULK_STATE_CHUNK_SIZE,
    },
    tenants: {
      bootstrap: {
        hostTenantName: env.HOST_TENANT_NAME,
        hostTenantTimezone: env.HOST_TENANT_TIMEZONE,
        administrator: { email: env.BOOTSTRAP_ADMIN_EMAIL, password: env.BOOTSTRAP_ADMIN_PASSWORD ?? null },
      },
      deletionChunkSize: env.TENANT_DELETION_CHUNK_SIZE,
    },
    jobs: jobRunnerSettings(env),
  };
}
