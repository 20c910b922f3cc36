import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Enrollment } from '../enrollments/domain/enrollment';
import type {
  EnrollmentFilter,
  EnrollmentRepository,
  EnrollmentWithEvents,
} from '../enrollments/ports/enrollment.repository';

/** Creation order, as the Mongo repository sorts: the ids are time-ordered. */
const IN_CREATION_ORDER: ReadonlyArray<MemorySortKey<Enrollment>> = [['_id', (e) => e.id, 1]];

/**
 * The enrollment repository in memory, for unit tests: the same ordering, tenant scoping,
 * one live enrollment per course and learner, and compare-and-set as the Mongo one. It keeps
 * the events written with each enrollment, in write order.
 */
export class InMemoryEnrollmentRepository implements EnrollmentRepository {
  private readonly live = new Map<string, Enrollment>();
  private readonly outboxes = new Map<string, OutboxEntry[]>();

  /** Every event written with the enrollment `id`, in write order. */
  outboxOf(id: string): OutboxEntry[] {
    return structuredClone(this.outboxes.get(id) ?? []);
  }

  /** Every event written, in write order per enrollment. */
  allEvents(): OutboxEntry[] {
    return [...this.outboxes.values()].flat().map((entry) => structuredClone(entry));
  }

  async insert({ enrollment, outbox }: EnrollmentWithEvents): Promise<boolean> {
    if (this.live.has(enrollment.id)) throw new Error(`duplicate enrollment id ${enrollment.id}`);
    if (await this.findOf(enrollment.tenantId, enrollment.courseId, enrollment.userId)) return false;
    this.live.set(enrollment.id, structuredClone(enrollment));
    this.record(enrollment.id, outbox);
    return true;
  }

  async insertManyIfAbsent(tenantId: string, created: readonly EnrollmentWithEvents[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const item of created) {
      if (item.enrollment.tenantId !== tenantId)
        throw new Error('An enrollment of another tenant cannot be written here');
      const { courseId, userId } = item.enrollment;
      if (await this.findOf(tenantId, courseId, userId)) continue;
      if (await this.insert(item)) inserted.push(item.enrollment.id);
    }
    return inserted;
  }

  async findById(tenantId: string, id: string): Promise<Enrollment | null> {
    const found = this.live.get(id);
    return found && found.tenantId === tenantId ? structuredClone(found) : null;
  }

  async findMany(tenantId: string, ids: readonly string[]): Promise<Enrollment[]> {
    const found: Enrollment[] = [];
    for (const id of new Set(ids)) {
      const enrollment = await this.findById(tenantId, id);
      if (enrollment) found.push(enrollment);
    }
    return found;
  }

  async findOf(tenantId: string, courseId: string, userId: string): Promise<Enrollment | null> {
    const found = [...this.live.values()].find(
      (e) => e.tenantId === tenantId && e.courseId === courseId && e.userId === userId,
    );
    return found ? structuredClone(found) : null;
  }

  async list(tenantId: string, filter: EnrollmentFilter, page: PageRequest): Promise<Page<Enrollment>> {
    const matching = [...this.live.values()].filter(
      (e) =>
        e.tenantId === tenantId &&
        (filter.courseId === undefined || e.courseId === filter.courseId) &&
        (filter.userId === undefined || e.userId === filter.userId) &&
        (filter.sessionId === undefined || e.sessionId === filter.sessionId) &&
        (filter.state === undefined || e.state === filter.state),
    );
    return structuredClone(slicePage(matching, page, IN_CREATION_ORDER));
  }

  async save(
    tenantId: string,
    { enrollment, outbox }: EnrollmentWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const stored = this.live.get(enrollment.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    const { id, courseId, userId, courseKind, sessionId, createdAt } = stored;
    this.live.set(
      id,
      structuredClone({ ...enrollment, id, tenantId, courseId, userId, courseKind, sessionId, createdAt }),
    );
    this.record(id, outbox);
    return true;
  }

  async delete(
    tenantId: string,
    { enrollment, outbox }: EnrollmentWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const stored = this.live.get(enrollment.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    this.live.delete(enrollment.id);
    this.record(enrollment.id, outbox);
    return true;
  }

  private record(id: string, outbox: readonly OutboxEntry[]): void {
    this.outboxes.set(id, [
      ...(this.outboxes.get(id) ?? []),
      ...outbox.map((entry) => structuredClone(entry)),
    ]);
  }
}
