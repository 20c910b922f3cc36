import type { PlatformLevel, UserState } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { User } from '../domain/user';

export interface UserListFilter {
  /** The normalised (lower-case) email: matches one user or none. */
  emailNormalized?: string;
  state?: UserState;
  level?: PlatformLevel;
  /** The start of the email, the first or the last name, in any case. */
  text?: string;
  /** A custom field with exactly this value (ID-U1: `UK` does not match `United-Kingdom`). */
  customField?: { key: string; value: string };
  /** Only the users holding an administrative role. */
  holdsAdminRole?: boolean;
}

/** A new user and the events stored with it. */
export interface UserInsert {
  user: User;
  outbox: readonly OutboxEntry[];
}

/**
 * Users of one tenant at a time: every method takes the tenant id, but the expiry sweep's.
 * A deleted user (a tombstone) is found by none of them.
 */
export interface UserRepository {
  findById(tenantId: string, id: string): Promise<User | null>;
  /**
   * The users of these ids in the tenant, in the order asked, in one read; an id unknown, of
   * another tenant or of a deleted user is left out.
   */
  findByIds(tenantId: string, ids: readonly string[]): Promise<User[]>;
  /** `duplicate` when the tenant already has a user with this email (any case). */
  insert(user: User, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'>;
  /**
   * Inserts the users with their events in one request (a bulk of new accounts, ID-I4): each
   * answered, in their order, as {@link insert} would answer it alone.
   */
  insertMany(users: readonly UserInsert[]): Promise<Array<'inserted' | 'duplicate'>>;
  /** The user of this email (normalised) in the tenant, or null. */
  findByEmail(tenantId: string, emailNormalized: string): Promise<User | null>;
  /**
   * Writes the user's new state and its events if the stored version is still
   * `expectedVersion`; `stale` when another writer got there first.
   */
  update(user: User, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** Users in creation order. */
  list(tenantId: string, filter: UserListFilter, page: PageRequest): Promise<Page<User>>;
  /**
   * ID-U3: users of every tenant whose expiry is at or before `now` and who have not expired
   * yet, in id order after `afterId`, at most `limit`.
   */
  listDueForExpiry(now: Date, afterId: string | null, limit: number): Promise<User[]>;
  /** ID-T2: users of the tenant not deactivated yet, in id order, at most `limit` (a tenant's deletion). */
  listNotDeactivated(tenantId: string, limit: number): Promise<User[]>;
  /** ID-U2: whether a user of the tenant holds the permission profile of this name. */
  anyHoldsPermissionProfile(tenantId: string, permissionProfile: string): Promise<boolean>;
}

export const USER_REPOSITORY = Symbol('USER_REPOSITORY');
