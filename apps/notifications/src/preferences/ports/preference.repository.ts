import type { WriteOutcome } from '@lms/kernel';
import type { MailPreferences, PreferenceOwner } from '../domain/mail-preferences';

export const PREFERENCE_REPOSITORY = Symbol('PREFERENCE_REPOSITORY');

/**
 * Users' mail preferences, one record per user and tenant; every method takes the tenant id
 * or an object carrying it. Nobody else needs to hear of a change, so the writes carry no events.
 */
export interface PreferenceRepository {
  /** The user's stored preferences, or null when it never set any. */
  find(owner: PreferenceOwner): Promise<MailPreferences | null>;
  /** The stored preferences of these users, in one read; users who never set any are left out. */
  findMany(owners: readonly PreferenceOwner[]): Promise<MailPreferences[]>;
  /** Stores the first preferences of a user (version 1); `stale` when the user has some already. */
  insert(preferences: MailPreferences): Promise<WriteOutcome>;
  /** Replaces the stored preferences if their version is still `expectedVersion`; else `stale`. */
  update(preferences: MailPreferences, expectedVersion: number): Promise<WriteOutcome>;
}
