import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Course, CourseKind } from '../courses/domain/course';
import { offeredTo, type CatalogReader } from '../courses/domain/course-access';
import type { CourseFilter, CourseRepository, CourseWithEvents } from '../courses/ports/course.repository';

/** Creation order, as the Mongo repository sorts: the ids are time-ordered. */
const IN_CREATION_ORDER: ReadonlyArray<MemorySortKey<Course>> = [['_id', (course) => course.id, 1]];

/**
 * The course repository in memory, for unit tests: the same ordering, tenant scoping and
 * compare-and-set as the Mongo one. It keeps the events written with each course, in write
 * order, where the Mongo repository keeps them in the document's outbox until published.
 */
export class InMemoryCourseRepository implements CourseRepository {
  private readonly courses = new Map<string, Course>();
  private readonly outboxes = new Map<string, OutboxEntry[]>();
  private readonly interleaved: Array<() => void> = [];

  /** Runs `write` right before the next write reaches the store: a concurrent writer, in tests. */
  beforeNextWrite(write: () => void): void {
    this.interleaved.push(write);
  }

  /** Stores a state as another writer would (no events): for races in tests. */
  overwrite(course: Course): void {
    this.courses.set(course.id, structuredClone(course));
  }

  /** Every event written with the course `id`, in write order. */
  outboxOf(id: string): OutboxEntry[] {
    return structuredClone(this.outboxes.get(id) ?? []);
  }

  /** Every event written, in write order. */
  allEvents(): OutboxEntry[] {
    return [...this.outboxes.values()].flat().map((entry) => structuredClone(entry));
  }

  async insert({ course, outbox }: CourseWithEvents): Promise<void> {
    this.interleaved.shift()?.();
    if (this.courses.has(course.id)) throw new Error(`duplicate course id ${course.id}`);
    this.courses.set(course.id, structuredClone(course));
    this.record(course.id, outbox);
  }

  async findById(tenantId: string, id: string): Promise<Course | null> {
    const found = this.courses.get(id);
    return found && found.tenantId === tenantId ? structuredClone(found) : null;
  }

  async list(tenantId: string, filter: CourseFilter, page: PageRequest): Promise<Page<Course>> {
    const matching = this.of(tenantId).filter(
      (course) =>
        (filter.state === undefined || course.state === filter.state) &&
        (filter.kind === undefined || course.kind === filter.kind) &&
        (filter.authorId === undefined || course.authorId === filter.authorId),
    );
    return structuredClone(slicePage(matching, page, IN_CREATION_ORDER));
  }

  async listCatalog(
    tenantId: string,
    reader: CatalogReader,
    kind: CourseKind | undefined,
    page: PageRequest,
  ): Promise<Page<Course>> {
    const matching = this.of(tenantId).filter(
      (course) =>
        course.state === 'published' &&
        (kind === undefined || course.kind === kind) &&
        (reader.everything || offeredTo(course, reader.memberOf)),
    );
    return structuredClone(slicePage(matching, page, IN_CREATION_ORDER));
  }

  async listWithUser(tenantId: string, userId: string, page: PageRequest): Promise<Page<Course>> {
    const matching = this.of(tenantId).filter(
      (course) => course.authorId === userId || course.roles.some((holder) => holder.userId === userId),
    );
    return structuredClone(slicePage(matching, page, IN_CREATION_ORDER));
  }

  async save(
    tenantId: string,
    { course, outbox }: CourseWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    this.interleaved.shift()?.();
    const stored = this.courses.get(course.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    const { id, kind, createdAt } = stored;
    this.courses.set(id, structuredClone({ ...course, id, tenantId, kind, createdAt }));
    this.record(id, outbox);
    return true;
  }

  async delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    this.interleaved.shift()?.();
    const stored = this.courses.get(id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    return this.courses.delete(id);
  }

  private of(tenantId: string): Course[] {
    return [...this.courses.values()].filter((course) => course.tenantId === tenantId);
  }

  private record(id: string, outbox: readonly OutboxEntry[]): void {
    this.outboxes.set(id, [
      ...(this.outboxes.get(id) ?? []),
      ...outbox.map((entry) => structuredClone(entry)),
    ]);
  }
}
