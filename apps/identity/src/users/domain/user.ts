import type { AdminRole, PlatformLevel, UserState } from '@lms/contracts';

export const SUPPORTED_LOCALES = ['en', 'it'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const DEFAULT_TIMEZONE = 'Europe/Rome';

export { ADMIN_ROLES, PLATFORM_LEVELS, type AdminRole, type PlatformLevel } from '@lms/contracts';

export interface User {
  id: string;
  tenantId: string;
  email: string;
  /** Lower-case copy of `email`: unique per tenant, so emails are unique case-insensitively. */
  emailNormalized: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  /** IANA time zone, e.g. `Europe/Rome`. */
  timezone: string;
  /** Free key/value pairs (ID-U1), compared exactly. */
  customFields: Record<string, string>;
  level: PlatformLevel;
  adminRoles: AdminRole[];
  state: UserState;
  /** When the account expires (ID-U3); null: never. */
  expiresAt: Date | null;
  /** argon2id hash of the password; null: the user cannot sign in with a password yet. */
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface NewUser {
  id: string;
  tenantId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  timezone?: string;
  customFields?: Record<string, string>;
  level?: PlatformLevel;
  adminRoles?: AdminRole[];
  expiresAt?: Date | null;
  passwordHash?: string | null;
}

/** The form of an email that decides uniqueness: `Ann@Example.com` and `ann@example.com` are one user. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A new user starts `activated`: it can log in and has not opened a course yet (ID-U3). */
export function registerUser(input: NewUser, now: Date): User {
  return {
    id: input.id,
    tenantId: input.tenantId,
    email: input.email.trim(),
    emailNormalized: normalizeEmail(input.email),
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    locale: input.locale ?? DEFAULT_LOCALE,
    timezone: input.timezone ?? DEFAULT_TIMEZONE,
    customFields: { ...(input.customFields ?? {}) },
    level: input.level ?? 'user',
    adminRoles: [...new Set(input.adminRoles ?? [])],
    state: 'activated',
    expiresAt: input.expiresAt ?? null,
    passwordHash: input.passwordHash ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
