import type { GroupRole } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Membership } from '../memberships/domain/membership';
import type {
  MemberListFilter,
  MembershipInsert,
  MembershipRepository,
} from '../memberships/ports/membership.repository';
import { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by id. */
const ID_ORDER: ReadonlyArray<MemorySortKey<Membership>> = [['_id', (membership) => membership.id, 1]];

/**
 * Memberships in memory, with the guarantees of the Mongo repository: one document per
 * (tenant, group, user), writes conditional on the version read. `beforeNextWrite` lets a
 * test slip a concurrent writer in between a use case's read and its write.
 */
export class InMemoryMembershipRepository implements MembershipRepository {
  private readonly rows = new Map<string, Membership>();
  private readonly interleaved: Array<() => void> = [];

  constructor(private readonly outbox: RecordingOutbox = new RecordingOutbox()) {}

  /** Runs `write` right before the next write of a use case reaches the store (one per write). */
  beforeNextWrite(write: () => void): void {
    this.interleaved.push(write);
  }

  /** Stores a state as another writer would (no outbox): for races in tests. */
  overwrite(membership: Membership): void {
    this.rows.set(membership.id, structuredClone(membership));
  }

  async find(tenantId: string, groupId: string, userId: string): Promise<Membership | null> {
    const row = this.findRow(tenantId, groupId, userId);
    return row ? structuredClone(row) : null;
  }

  async insert(membership: Membership, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    this.runInterleaved();
    const taken =
      this.rows.has(membership.id) ||
      this.findRow(membership.tenantId, membership.groupId, membership.userId);
    if (taken) return 'stale';
    this.rows.set(membership.id, structuredClone(membership));
    this.outbox.record(membership.id, outbox);
    return 'written';
  }

  async insertMany(memberships: readonly MembershipInsert[]): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    for (const { membership, outbox } of memberships) outcomes.push(await this.insert(membership, outbox));
    return outcomes;
  }

  async update(
    membership: Membership,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    this.runInterleaved();
    const stored = this.rows.get(membership.id);
    if (!stored || stored.tenantId !== membership.tenantId || stored.version !== expectedVersion)
      return 'stale';
    this.rows.set(membership.id, { ...structuredClone(membership), tenantId: stored.tenantId });
    this.outbox.record(membership.id, outbox);
    return 'written';
  }

  async listActive(
    tenantId: string,
    groupId: string,
    filter: MemberListFilter,
    page: PageRequest,
  ): Promise<Page<Membership>> {
    const matching = [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.groupId === groupId && row.status === 'active')
      .filter((row) => !filter.role || row.roles.includes(filter.role));
    return structuredClone(slicePage(matching, page, ID_ORDER));
  }

  async groupIdsOfMember(
    tenantId: string,
    userId: string,
    roles: readonly GroupRole[],
    limit: number,
  ): Promise<string[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.userId === userId && row.status === 'active')
      .filter((row) => row.roles.some((role) => roles.includes(role)))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((row) => row.groupId);
  }

  private findRow(tenantId: string, groupId: string, userId: string): Membership | undefined {
    return [...this.rows.values()].find(
      (row) => row.tenantId === tenantId && row.groupId === groupId && row.userId === userId,
    );
  }

  private runInterleaved(): void {
    this.interleaved.shift()?.();
  }
}
