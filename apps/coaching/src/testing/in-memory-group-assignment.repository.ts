import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { GroupAssignment } from '../assignments/domain/group-assignment';
import type {
  FanOutChunk,
  FollowChunk,
  GroupAssignmentRepository,
} from '../assignments/ports/group-assignment.repository';

/** Newest first, by id among those created at once, as the Mongo repository orders the list. */
const NEWEST_FIRST: Array<MemorySortKey<GroupAssignment>> = [
  ['createdAt', (g) => g.createdAt, -1],
  ['_id', (g) => g.id, -1],
];

export class InMemoryGroupAssignmentRepository implements GroupAssignmentRepository {
  private readonly rows = new Map<string, GroupAssignment>();
  /** Every event written with a group assignment, in order (what the relay would publish). */
  readonly published: OutboxEntry[] = [];
  private progressFailures = 0;

  /** The next progress save throws, as a crash right after a chunk's bulk write would. */
  failNextProgressSave(times = 1): void {
    this.progressFailures = times;
  }

  async create(groupAssignment: GroupAssignment, outbox: readonly OutboxEntry[]): Promise<void> {
    if (this.rows.has(groupAssignment.id)) throw new Error(`duplicate key ${groupAssignment.id}`);
    this.rows.set(groupAssignment.id, structuredClone(groupAssignment));
    this.published.push(...outbox);
  }

  async save(
    groupAssignment: GroupAssignment,
    outbox: readonly OutboxEntry[],
    expectedVersion: number,
  ): Promise<boolean> {
    const row = this.own(groupAssignment.tenantId, groupAssignment.id);
    if (!row || row.version !== expectedVersion) return false;
    this.rows.set(row.id, structuredClone(groupAssignment));
    this.published.push(...outbox);
    return true;
  }

  async recordFollowChunk(tenantId: string, id: string, chunk: FollowChunk): Promise<boolean> {
    const row = this.own(tenantId, id);
    if (!row || row.version !== chunk.version || row.follow.cursor !== chunk.expectedCursor) return false;
    row.follow = { ...row.follow, cursor: chunk.cursor, processed: row.follow.processed + chunk.processed };
    row.updatedAt = chunk.now;
    return true;
  }

  async markFollowDone(tenantId: string, id: string, version: number): Promise<boolean> {
    const row = this.own(tenantId, id);
    if (!row || row.version !== version) return false;
    row.follow = { ...row.follow, status: 'done' };
    return true;
  }

  async listDueToExpire(today: string, afterId: string | null, limit: number): Promise<GroupAssignment[]> {
    return [...this.rows.values()]
      .filter(
        (row) =>
          row.status === 'current' &&
          row.deletedAt === null &&
          row.endDate !== null &&
          row.endDate < today &&
          (afterId === null || row.id > afterId),
      )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map((row) => structuredClone(row));
  }

  async listUnfinishedFollows(): Promise<GroupAssignment[]> {
    return [...this.rows.values()]
      .filter((row) => row.follow.status === 'pending')
      .map((row) => structuredClone(row));
  }

  async findById(tenantId: string, id: string): Promise<GroupAssignment | null> {
    const found = this.rows.get(id);
    return found && found.tenantId === tenantId ? structuredClone(found) : null;
  }

  async listCurrentByGroups(tenantId: string, groupIds: readonly string[]): Promise<GroupAssignment[]> {
    return [...this.rows.values()]
      .filter(
        (g) =>
          g.tenantId === tenantId &&
          groupIds.includes(g.groupId) &&
          g.status === 'current' &&
          g.deletedAt === null,
      )
      .map((g) => structuredClone(g));
  }

  async list(
    tenantId: string,
    filter: { groupId?: string },
    page: PageRequest,
  ): Promise<Page<GroupAssignment>> {
    const matching = [...this.rows.values()].filter(
      (g) =>
        g.tenantId === tenantId &&
        g.deletedAt === null &&
        (filter.groupId === undefined || g.groupId === filter.groupId),
    );
    return structuredClone(slicePage(matching, page, NEWEST_FIRST));
  }

  async markFanOutRunning(tenantId: string, id: string, now: Date): Promise<void> {
    const row = this.own(tenantId, id);
    if (row?.fanOut.status === 'pending') {
      row.fanOut.status = 'running';
      row.updatedAt = now;
    }
  }

  async markFanOutChunkPending(
    tenantId: string,
    id: string,
    expectedCursor: string | null,
    until: string,
  ): Promise<boolean> {
    const row = this.own(tenantId, id);
    if (!row || row.fanOut.cursor !== expectedCursor) return false;
    row.fanOut = { ...row.fanOut, pendingUntil: until };
    return true;
  }

  async recordFanOutChunk(tenantId: string, id: string, chunk: FanOutChunk): Promise<boolean> {
    if (this.progressFailures > 0) {
      this.progressFailures--;
      throw new Error('simulated crash before the progress was saved');
    }
    const row = this.own(tenantId, id);
    if (!row || row.fanOut.cursor !== chunk.expectedCursor) return false;
    row.fanOut = {
      ...row.fanOut,
      status: 'running',
      cursor: chunk.cursor,
      pendingUntil: null,
      processed: row.fanOut.processed + chunk.processed,
    };
    row.updatedAt = chunk.now;
    return true;
  }

  async markFanOutDone(tenantId: string, id: string, now: Date): Promise<void> {
    const row = this.own(tenantId, id);
    if (!row) return;
    row.fanOut = { ...row.fanOut, status: 'done', completedAt: now };
    row.updatedAt = now;
  }

  async listUnfinishedFanOuts(): Promise<GroupAssignment[]> {
    return [...this.rows.values()]
      .filter((row) => row.status === 'current' && row.fanOut.status !== 'done')
      .map((row) => structuredClone(row));
  }

  private own(tenantId: string, id: string): GroupAssignment | undefined {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? row : undefined;
  }
}
