import type { UserState } from '@lms/contracts';

export const SUPPORTED_LOCALES = ['en', 'it'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface User {
  id: string;
  tenantId: string;
  email: string;
  /** Lower-case copy of `email`: unique per tenant, so emails are unique case-insensitively. */
  emailNormalized: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  state: UserState;
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
    state: 'activated',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
