import type { AdminRole, PlatformLevel, UserState } from '@lms/contracts';
import { normalizeEmail } from '@lms/kernel';

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
  /**
   * The state an expired account returns to when its expiry moves to the future (ID-U3):
   * set when it expires, null otherwise.
   */
  stateBeforeExpiry: StateBeforeExpiry | null;
  /** The first time the user opened a course (ID-U3): what makes it `active`; null: never. */
  firstAccessAt: Date | null;
  /** What a `power_user` manages (ID-U2): users who are members of these groups; null: nothing. */
  powerUserScope: PowerUserScope | null;
  /** The name of a `power_user`'s permission profile (ID-U2); null: none. */
  permissionProfile: string | null;
  /** ID-R1: derived, never assigned: manages a unit or a team, or has a managee (ID-G3, ID-G4). */
  isManager: boolean;
  /** ID-R1: derived, never assigned: a member of a team (ID-G3). */
  isAgent: boolean;
  /** argon2id hash of the password; null: the user cannot sign in with a password yet. */
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the account is deleted: the document stays as a tombstone that nobody finds. */
  deletedAt: Date | null;
  version: number;
}

/** The states an account can have had when it expired. */
export type StateBeforeExpiry = Exclude<UserState, 'expired'>;

export interface PowerUserScope {
  groupIds: string[];
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
    stateBeforeExpiry: null,
    firstAccessAt: null,
    powerUserScope: null,
    permissionProfile: null,
    isManager: false,
    isAgent: false,
    passwordHash: input.passwordHash ?? null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    version: 1,
  };
}
