import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { User } from '../users/domain/user';
import type { UserInsert, UserListFilter, UserRepository } from '../users/ports/user.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by id. */
const CREATION_ORDER: ReadonlyArray<MemorySortKey<User>> = [['_id', (user) => user.id, 1]];

export class InMemoryUserRepository implements UserRepository {
  private readonly rows: User[] = [];

  constructor(private readonly outbox: RecordingOutbox) {}

  async findById(tenantId: string, id: string): Promise<User | null> {
    const user = this.rows.find(
      (row) => row.tenantId === tenantId && row.id === id && row.deletedAt === null,
    );
    return user ? structuredClone(user) : null;
  }

  async findByIds(tenantId: string, ids: readonly string[]): Promise<User[]> {
    const users = await Promise.all(ids.map((id) => this.findById(tenantId, id)));
    return users.filter((user): user is User => user !== null);
  }

  async insert(user: User, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'> {
    // As the schema's `required`, which refuses an empty string before anything is written.
    if ([user.email, user.emailNormalized, user.firstName, user.lastName].includes(''))
      throw new Error('A user needs an email, a first name and a last name');
    const taken = this.rows.some(
      (row) =>
        row.id === user.id ||
        (row.tenantId === user.tenantId && row.emailNormalized === user.emailNormalized),
    );
    if (taken) return 'duplicate';
    this.rows.push(structuredClone(user));
    this.outbox.record(user.id, outbox);
    return 'inserted';
  }

  async insertMany(users: readonly UserInsert[]): Promise<Array<'inserted' | 'duplicate'>> {
    const outcomes: Array<'inserted' | 'duplicate'> = [];
    for (const { user, outbox } of users) outcomes.push(await this.insert(user, outbox));
    return outcomes;
  }

  async findByEmail(tenantId: string, emailNormalized: string): Promise<User | null> {
    const user = this.rows.find(
      (row) => row.tenantId === tenantId && row.emailNormalized === emailNormalized && row.deletedAt === null,
    );
    return user ? structuredClone(user) : null;
  }

  async update(user: User, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    const at = this.rows.findIndex(
      (row) => row.id === user.id && row.tenantId === user.tenantId && row.version === expectedVersion,
    );
    if (at < 0) return 'stale';
    this.rows[at] = structuredClone(user);
    this.outbox.record(user.id, outbox);
    return 'written';
  }

  async list(tenantId: string, filter: UserListFilter, page: PageRequest): Promise<Page<User>> {
    const matching = this.rows.filter(
      (row) => row.tenantId === tenantId && row.deletedAt === null && matches(row, filter),
    );
    return structuredClone(slicePage(matching, page, CREATION_ORDER));
  }

  async listDueForExpiry(now: Date, afterId: string | null, limit: number): Promise<User[]> {
    const due = this.rows
      .filter(
        (row) =>
          row.expiresAt !== null &&
          row.expiresAt.getTime() <= now.getTime() &&
          row.state !== 'expired' &&
          row.deletedAt === null &&
          (afterId === null || row.id > afterId),
      )
      .sort(byId);
    return structuredClone(due.slice(0, limit));
  }

  async listNotDeactivated(tenantId: string, limit: number): Promise<User[]> {
    const left = this.rows
      .filter((row) => row.tenantId === tenantId && row.state !== 'deactivated' && row.deletedAt === null)
      .sort(byId);
    return structuredClone(left.slice(0, limit));
  }

  async anyHoldsPermissionProfile(tenantId: string, permissionProfile: string): Promise<boolean> {
    return this.rows.some(
      (row) =>
        row.tenantId === tenantId && row.permissionProfile === permissionProfile && row.deletedAt === null,
    );
  }
}

function byId(a: User, b: User): number {
  return a.id < b.id ? -1 : 1;
}

function matches(user: User, filter: UserListFilter): boolean {
  const text = filter.text?.toLowerCase();
  return (
    (filter.emailNormalized === undefined || user.emailNormalized === filter.emailNormalized) &&
    (filter.state === undefined || user.state === filter.state) &&
    (filter.level === undefined || user.level === filter.level) &&
    (filter.customField === undefined ||
      user.customFields[filter.customField.key] === filter.customField.value) &&
    (filter.holdsAdminRole !== true || user.adminRoles.length > 0) &&
    (text === undefined ||
      [user.emailNormalized, user.firstName, user.lastName].some((field) =>
        field.toLowerCase().startsWith(text),
      ))
  );
}
