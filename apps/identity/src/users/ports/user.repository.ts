import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { User } from '../domain/user';
import type { WriteOutcome } from '../../shared/optimistic-concurrency';

export interface UserListFilter {
  /** The normalised (lower-case) email: matches one user or none. */
  emailNormalized?: string;
}

/** Users of one tenant at a time: every method takes the tenant id. */
export interface UserRepository {
  findById(tenantId: string, id: string): Promise<User | null>;
  /** `duplicate` when the tenant already has a user with this email (any case). */
  insert(user: User, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'>;
  /** The user of this email (normalised) in the tenant, or null. */
  findByEmail(tenantId: string, emailNormalized: string): Promise<User | null>;
  /**
   * Writes the user's new state and its events if the stored version is still
   * `expectedVersion`; `stale` when another writer got there first.
   */
  update(user: User, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** Users in creation order. */
  list(tenantId: string, filter: UserListFilter, page: PageRequest): Promise<Page<User>>;
}

export const USER_REPOSITORY = Symbol('USER_REPOSITORY');
