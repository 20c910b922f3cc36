import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { CourseSession } from '../courses/domain/course-session';
import type {
  CourseSessionRepository,
  CourseSessionWithEvents,
} from '../courses/ports/course-session.repository';

/** Soonest first, ties by id, as the Mongo repository sorts them. */
const SOONEST_FIRST: ReadonlyArray<MemorySortKey<CourseSession>> = [
  ['startsAt', (s) => s.startsAt, 1],
  ['_id', (s) => s.id, 1],
];

/**
 * Course sessions in memory, with the scoping and compare-and-set of the Mongo repository. It
 * keeps the events written with each session, in write order, where the Mongo repository keeps
 * them in the document's outbox until published; a cancelled session is kept for them.
 */
export class InMemoryCourseSessionRepository implements CourseSessionRepository {
  private readonly rows = new Map<string, { session: CourseSession; cancelled: boolean }>();
  private readonly outboxes = new Map<string, OutboxEntry[]>();

  /** The events written with a session, in write order. */
  outboxOf(id: string): OutboxEntry[] {
    return structuredClone(this.outboxes.get(id) ?? []);
  }

  async insert({ session, outbox }: CourseSessionWithEvents): Promise<void> {
    if (this.rows.has(session.id)) throw new Error(`duplicate session id ${session.id}`);
    this.rows.set(session.id, { session: structuredClone(session), cancelled: false });
    this.record(session.id, outbox);
  }

  async findById(tenantId: string, courseId: string, id: string): Promise<CourseSession | null> {
    const found = this.live(id);
    return found && found.tenantId === tenantId && found.courseId === courseId
      ? structuredClone(found)
      : null;
  }

  async list(tenantId: string, courseId: string, page: PageRequest): Promise<Page<CourseSession>> {
    const of = [...this.rows.values()]
      .filter((row) => !row.cancelled)
      .map((row) => row.session)
      .filter((s) => s.tenantId === tenantId && s.courseId === courseId);
    return structuredClone(slicePage(of, page, SOONEST_FIRST));
  }

  async save(
    tenantId: string,
    { session: changed, outbox }: CourseSessionWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const stored = this.live(changed.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    const { id, courseId, createdAt } = stored;
    this.rows.set(id, {
      session: structuredClone({ ...changed, id, tenantId, courseId, createdAt }),
      cancelled: false,
    });
    this.record(id, outbox);
    return true;
  }

  async delete(
    tenantId: string,
    { session, outbox }: CourseSessionWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const stored = this.live(session.id);
    if (!stored || stored.tenantId !== tenantId || stored.courseId !== session.courseId) return false;
    if (stored.version !== expectedVersion) return false;
    this.rows.set(session.id, {
      session: { ...stored, updatedAt: session.updatedAt, version: session.version },
      cancelled: true,
    });
    this.record(session.id, outbox);
    return true;
  }

  async deleteAllOf(tenantId: string, courseId: string): Promise<void> {
    for (const [id, { session: s }] of this.rows)
      if (s.tenantId === tenantId && s.courseId === courseId) this.rows.delete(id);
  }

  private live(id: string): CourseSession | null {
    const row = this.rows.get(id);
    return row && !row.cancelled ? row.session : null;
  }

  private record(id: string, outbox: readonly OutboxEntry[]): void {
    this.outboxes.set(id, [
      ...(this.outboxes.get(id) ?? []),
      ...outbox.map((entry) => structuredClone(entry)),
    ]);
  }
}
