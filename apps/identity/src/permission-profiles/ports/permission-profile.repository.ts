import { type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { OutboxEntry } from '@lms/messaging';
import type { PermissionProfile } from '../domain/permission-profile';

/**
 * Permission profiles of one tenant at a time, each keyed by its name within the tenant:
 * every method takes the tenant id or a profile carrying it. A definition is written with its
 * event (rule 1); a deletion carries none (a profile is deleted only while nobody holds it).
 */
export interface PermissionProfileRepository {
  /** The profile of this name in the tenant, or null. */
  find(tenantId: string, name: string): Promise<PermissionProfile | null>;
  /** `stale` when the tenant already has a profile of this name; nothing is written then. */
  insert(profile: PermissionProfile, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** Replaces the stored profile if its version is still `expectedVersion`; else `stale`. */
  update(
    profile: PermissionProfile,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome>;
  /** Removes the profile of this name; false when there was none. */
  delete(tenantId: string, name: string): Promise<boolean>;
  /** The tenant's profiles in name order. */
  list(tenantId: string, page: PageRequest): Promise<Page<PermissionProfile>>;
}

export const PERMISSION_PROFILE_REPOSITORY = Symbol('PERMISSION_PROFILE_REPOSITORY');
