import type { GroupRole } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Membership } from '../domain/membership';

export interface MemberListFilter {
  role?: GroupRole;
}

/** A new membership and the events stored with it. */
export interface MembershipInsert {
  membership: Membership;
  outbox: readonly OutboxEntry[];
}

/**
 * Memberships of one tenant at a time: every method takes the tenant id. Each write stores
 * the membership and its events (outbox) in one single-document write.
 */
export interface MembershipRepository {
  /** The membership of a user in a group, removed ones (tombstones) included. */
  find(tenantId: string, groupId: string, userId: string): Promise<Membership | null>;
  /** `stale` when the tenant already has a membership (even removed) of this user in this group. */
  insert(membership: Membership, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /**
   * Inserts the memberships with their events in one request (new users' memberships of an
   * import, ID-I4): each answered, in their order, as {@link insert} would answer it alone.
   */
  insertMany(memberships: readonly MembershipInsert[]): Promise<WriteOutcome[]>;
  /** Replaces the stored state if its version is still `expectedVersion`; else `stale`. */
  update(
    membership: Membership,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome>;
  /** Active members of a group, in the order they first joined. */
  listActive(
    tenantId: string,
    groupId: string,
    filter: MemberListFilter,
    page: PageRequest,
  ): Promise<Page<Membership>>;
  /** The groups a user is an active member of with one of these roles, at most `limit`, in membership order. */
  groupIdsOfMember(
    tenantId: string,
    userId: string,
    roles: readonly GroupRole[],
    limit: number,
  ): Promise<string[]>;
}

export const MEMBERSHIP_REPOSITORY = Symbol('MEMBERSHIP_REPOSITORY');
