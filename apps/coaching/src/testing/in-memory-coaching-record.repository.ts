import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { CoachingRecord, RecordKind } from '../evaluations/domain/coaching-record';
import type { RecordScope } from '../evaluations/domain/record-access';
import type { CoachingRecordRepository } from '../evaluations/ports/coaching-record.repository';

/** Newest first, ties by id, as the Mongo repository sorts them. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<CoachingRecord>> = [
  ['createdAt', (r) => r.createdAt, -1],
  ['_id', (r) => r.id, -1],
];

function inScope(record: CoachingRecord, scope: RecordScope): boolean {
  return (
    (scope.menteeId === undefined || record.menteeId === scope.menteeId) &&
    (scope.authorId === undefined || record.authorId === scope.authorId) &&
    (scope.involving === undefined ||
      record.menteeId === scope.involving ||
      record.authorId === scope.involving)
  );
}

/** Evaluations and coaching sessions in memory, in the order the Mongo repository reads them. */
export class InMemoryCoachingRecordRepository implements CoachingRecordRepository {
  private readonly rows = new Map<string, CoachingRecord>();

  async insert(record: CoachingRecord): Promise<void> {
    if (this.rows.has(record.id)) throw new Error(`duplicate coaching record id ${record.id}`);
    this.rows.set(record.id, structuredClone(record));
  }

  async findById<K extends RecordKind>(
    tenantId: string,
    kind: K,
    id: string,
  ): Promise<CoachingRecord<K> | null> {
    const found = this.rows.get(id);
    return found && found.tenantId === tenantId && found.kind === kind
      ? (structuredClone(found) as CoachingRecord<K>)
      : null;
  }

  async list<K extends RecordKind>(
    tenantId: string,
    kind: K,
    scope: RecordScope,
    page: PageRequest,
  ): Promise<Page<CoachingRecord<K>>> {
    const of = [...this.rows.values()].filter(
      (r) => r.tenantId === tenantId && r.kind === kind && inScope(r, scope),
    );
    return slicePage(
      of.map((r) => structuredClone(r) as CoachingRecord<K>),
      page,
      NEWEST_FIRST,
    );
  }

  async save(tenantId: string, changed: CoachingRecord, expectedVersion: number): Promise<boolean> {
    const stored = this.rows.get(changed.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    const { id, tenantId: _t, kind, menteeId, authorId, createdAt } = stored;
    this.rows.set(id, structuredClone({ ...changed, id, tenantId, kind, menteeId, authorId, createdAt }));
    return true;
  }

  async delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    const stored = this.rows.get(id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    return this.rows.delete(id);
  }
}
