import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import { holdsMemberPlace, type Assignment } from '../assignments/domain/assignment';
import type {
  CalendarDays,
  AssignmentCounts,
  AssignmentFilter,
  AssignmentRepository,
  AssignmentSort,
  AssignmentWithEvents,
} from '../assignments/ports/assignment.repository';

/** The keys of a sort, as the Mongo repository orders it: the field, then the id the same way. */
function sortKeysOf(sort: AssignmentSort): Array<MemorySortKey<Assignment>> {
  const direction = sort.startsWith('-') ? -1 : 1;
  return sort.endsWith('startDate')
    ? [
        ['startDate', (a) => a.startDate, direction],
        ['_id', (a) => a.id, direction],
      ]
    : [
        ['createdAt', (a) => a.createdAt, direction],
        ['_id', (a) => a.id, direction],
      ];
}

/**
 * Keeps the guarantee of the unique index: at most one current derived assignment per
 * (tenant, group assignment, mentee). `failNextInsert` makes the next bulk insert throw
 * before writing anything, as a crash would; `duringNextInsert` lets something happen in between.
 */
export class InMemoryAssignmentRepository implements AssignmentRepository {
  private readonly rows = new Map<string, Assignment>();
  /** Every event written with an assignment, in order (what the relay would publish). */
  readonly published: OutboxEntry[] = [];
  /** Ids handed to the relay after each write. */
  readonly relayed: string[] = [];
  private failures = 0;
  private failuresAfter = 0;
  private beforeInsert: (() => Promise<void>) | null = null;
  private beforeSaveMany: (() => Promise<void>) | null = null;

  failNextInsert(times = 1): void {
    this.failures = times;
  }

  /** Forgets the faults and the work armed for the next bulk insert that did not come. */
  disarm(): void {
    this.failures = 0;
    this.failuresAfter = 0;
    this.beforeInsert = null;
  }

  /** The next bulk insert writes, then throws: a crash right after the write. */
  failAfterNextInsert(): void {
    this.failuresAfter = 1;
  }

  /** Runs `work` once, at the start of the next bulk insert (something happening meanwhile). */
  duringNextInsert(work: () => Promise<void>): void {
    this.beforeInsert = work;
  }

  async insertDerivedIfAbsent(tenantId: string, items: readonly AssignmentWithEvents[]): Promise<string[]> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('simulated crash during the bulk write');
    }
    const meanwhile = this.beforeInsert;
    this.beforeInsert = null;
    if (meanwhile) await meanwhile();
    const inserted: string[] = [];
    for (const { assignment, outbox } of items) {
      if (assignment.tenantId !== tenantId) throw new Error('tenant mismatch');
      const taken = [...this.rows.values()].some(
        (a) =>
          a.tenantId === tenantId &&
          holdsMemberPlace(a) &&
          a.groupAssignmentId === assignment.groupAssignmentId &&
          a.menteeId === assignment.menteeId,
      );
      if (taken) continue;
      this.rows.set(assignment.id, structuredClone(assignment));
      this.published.push(...outbox);
      inserted.push(assignment.id);
    }
    this.relayed.push(...inserted);
    if (this.failuresAfter > 0) {
      this.failuresAfter--;
      throw new Error('simulated crash right after the bulk write');
    }
    return inserted;
  }

  async insertIfAbsent(tenantId: string, items: readonly AssignmentWithEvents[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const { assignment, outbox } of items) {
      if (assignment.tenantId !== tenantId) throw new Error('tenant mismatch');
      if (this.rows.has(assignment.id)) continue;
      this.rows.set(assignment.id, structuredClone(assignment));
      this.published.push(...outbox);
      inserted.push(assignment.id);
    }
    this.relayed.push(...inserted);
    return inserted;
  }

  async listLiveOf(tenantId: string, menteeIds: readonly string[]): Promise<Assignment[]> {
    return this.where(
      (a) =>
        a.tenantId === tenantId &&
        menteeIds.includes(a.menteeId) &&
        a.deletedAt === null &&
        (a.status === 'current' || a.status === 'scheduled'),
    );
  }

  async insert(created: AssignmentWithEvents): Promise<void> {
    const { assignment, outbox } = created;
    if (this.rows.has(assignment.id)) throw new Error(`duplicate assignment id ${assignment.id}`);
    this.rows.set(assignment.id, structuredClone(assignment));
    this.published.push(...outbox);
    this.relayed.push(assignment.id);
  }

  async save(tenantId: string, changed: AssignmentWithEvents, expectedVersion: number): Promise<boolean> {
    const row = this.rows.get(changed.assignment.id);
    if (!row || row.tenantId !== tenantId || row.version !== expectedVersion) return false;
    // The last interaction is never written back from a read, as in the database.
    this.rows.set(row.id, {
      ...structuredClone(changed.assignment),
      lastInteractionAt: row.lastInteractionAt,
    });
    this.published.push(...changed.outbox);
    this.relayed.push(row.id);
    return true;
  }

  /** Runs `work` once, at the start of the next bulk save, after its changes were decided. */
  duringNextSave(work: () => Promise<void>): void {
    this.beforeSaveMany = work;
  }

  async saveMany(
    tenantId: string,
    changes: ReadonlyArray<AssignmentWithEvents & { expectedVersion: number }>,
  ): Promise<number> {
    const meanwhile = this.beforeSaveMany;
    this.beforeSaveMany = null;
    if (meanwhile) await meanwhile();
    let written = 0;
    for (const { expectedVersion, ...change } of changes)
      if (await this.save(tenantId, change, expectedVersion)) written++;
    return written;
  }

  async listDerivedAfter(
    tenantId: string,
    groupAssignmentId: string,
    afterId: string | null,
    limit: number,
  ): Promise<Assignment[]> {
    return this.where(
      (a) =>
        a.tenantId === tenantId &&
        a.groupAssignmentId === groupAssignmentId &&
        a.deletedAt === null &&
        (afterId === null || a.id > afterId),
    )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  }

  async recordInteraction(tenantId: string, id: string, at: Date): Promise<void> {
    const row = this.rows.get(id);
    if (!row || row.tenantId !== tenantId) return;
    if (row.lastInteractionAt === null || row.lastInteractionAt < at) row.lastInteractionAt = new Date(at);
  }

  async findById(tenantId: string, id: string): Promise<Assignment | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId && row.deletedAt === null ? structuredClone(row) : null;
  }

  async listDueOnCalendar(
    { today, noticeUntil }: CalendarDays,
    afterId: string | null,
    limit: number,
  ): Promise<Assignment[]> {
    return this.where(
      (a) =>
        a.deletedAt === null &&
        (afterId === null || a.id > afterId) &&
        ((a.status === 'scheduled' && a.startDate <= today) ||
          (a.origin === 'individual' && a.status === 'current' && a.endDate !== null && a.endDate < today) ||
          (noticeUntil !== null &&
            a.origin === 'individual' &&
            a.status === 'current' &&
            a.active &&
            a.endDate !== null &&
            a.endDate >= today &&
            a.endDate <= noticeUntil &&
            a.expiryNoticeSentFor === null)),
    )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  }

  async listCurrentDerivedFor(
    tenantId: string,
    groupAssignmentId: string,
    menteeIds: readonly string[],
  ): Promise<Assignment[]> {
    return this.where(
      (a) =>
        a.tenantId === tenantId &&
        a.groupAssignmentId === groupAssignmentId &&
        menteeIds.includes(a.menteeId) &&
        holdsMemberPlace(a),
    );
  }

  async listCurrentDerivedInRange(
    tenantId: string,
    groupAssignmentId: string,
    afterMenteeId: string | null,
    untilMenteeId: string | null,
  ): Promise<Assignment[]> {
    return this.where(
      (a) =>
        a.tenantId === tenantId &&
        a.groupAssignmentId === groupAssignmentId &&
        holdsMemberPlace(a) &&
        (afterMenteeId === null || a.menteeId > afterMenteeId) &&
        (untilMenteeId === null || a.menteeId <= untilMenteeId),
    );
  }

  async listCurrentDerivedForMany(
    tenantId: string,
    groupAssignmentIds: readonly string[],
    menteeIds: readonly string[],
  ): Promise<Assignment[]> {
    return this.where(
      (a) =>
        a.tenantId === tenantId &&
        a.groupAssignmentId !== null &&
        groupAssignmentIds.includes(a.groupAssignmentId) &&
        menteeIds.includes(a.menteeId) &&
        holdsMemberPlace(a),
    );
  }

  async list(
    tenantId: string,
    filter: AssignmentFilter,
    page: PageRequest,
    sort: AssignmentSort = '-createdAt',
  ): Promise<Page<Assignment>> {
    return slicePage(this.matching(tenantId, filter), page, sortKeysOf(sort));
  }

  async *stream(
    tenantId: string,
    filter: AssignmentFilter,
    sort: AssignmentSort = '-createdAt',
  ): AsyncIterable<Assignment> {
    const all = this.matching(tenantId, filter);
    // The whole list as one page: in the same order as the list's pages.
    yield* slicePage(all, { limit: Math.max(all.length, 1) }, sortKeysOf(sort)).items;
  }

  async count(tenantId: string, filter: AssignmentFilter): Promise<AssignmentCounts> {
    const kept = this.matching(tenantId, filter);
    const tally = <K>(keys: K[]) => {
      const counts = new Map<K, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    };
    return {
      total: kept.length,
      byStatus: Object.fromEntries(tally(kept.map((a) => a.status))),
      byCoach: [...tally(kept.flatMap((a) => a.coachIds))]
        .map(([coachId, count]) => ({ coachId, count }))
        .sort((a, b) => b.count - a.count || (a.coachId < b.coachId ? -1 : 1)),
      byGroup: [...tally(kept.map((a) => a.groupId))]
        .map(([groupId, count]) => ({ groupId, count }))
        .sort((a, b) => b.count - a.count || (String(a.groupId) < String(b.groupId) ? -1 : 1)),
    };
  }

  private matching(tenantId: string, filter: AssignmentFilter): Assignment[] {
    const { on } = filter;
    return this.where(
      (a) =>
        a.tenantId === tenantId &&
        a.deletedAt === null &&
        (filter.active === undefined || a.active === filter.active) &&
        (filter.origin === undefined || a.origin === filter.origin) &&
        (filter.menteeId === undefined || a.menteeId === filter.menteeId) &&
        (filter.coachId === undefined || a.coachIds.includes(filter.coachId)) &&
        (filter.groupAssignmentId === undefined || a.groupAssignmentId === filter.groupAssignmentId) &&
        (filter.groupId === undefined || a.groupId === filter.groupId) &&
        (filter.status === undefined || a.status === filter.status) &&
        (filter.startFrom === undefined || a.startDate >= filter.startFrom) &&
        (filter.startTo === undefined || a.startDate <= filter.startTo) &&
        (on === undefined ||
          (a.startDate <= on &&
            (a.endDate === null || a.endDate >= on) &&
            (a.endedAt === null || a.endedAt.toISOString().slice(0, 10) >= on))),
    );
  }

  private where(predicate: (a: Assignment) => boolean): Assignment[] {
    return [...this.rows.values()].filter(predicate).map((a) => structuredClone(a));
  }
}
