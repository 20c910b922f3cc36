import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { CourseSession } from '../courses/domain/course-session';
import type { CourseSessionRepository } from '../courses/ports/course-session.repository';

/** Soonest first, ties by id, as the Mongo repository sorts them. */
const SOONEST_FIRST: ReadonlyArray<MemorySortKey<CourseSession>> = [
  ['startsAt', (s) => s.startsAt, 1],
  ['_id', (s) => s.id, 1],
];

/** Course sessions in memory, with the scoping and compare-and-set of the Mongo repository. */
export class InMemoryCourseSessionRepository implements CourseSessionRepository {
  private readonly rows = new Map<string, CourseSession>();

  async insert(session: CourseSession): Promise<void> {
    if (this.rows.has(session.id)) throw new Error(`duplicate session id ${session.id}`);
    this.rows.set(session.id, structuredClone(session));
  }

  async findById(tenantId: string, courseId: string, id: string): Promise<CourseSession | null> {
    const found = this.rows.get(id);
    return found && found.tenantId === tenantId && found.courseId === courseId
      ? structuredClone(found)
      : null;
  }

  async list(tenantId: string, courseId: string, page: PageRequest): Promise<Page<CourseSession>> {
    const of = [...this.rows.values()].filter((s) => s.tenantId === tenantId && s.courseId === courseId);
    return structuredClone(slicePage(of, page, SOONEST_FIRST));
  }

  async save(tenantId: string, changed: CourseSession, expectedVersion: number): Promise<boolean> {
    const stored = this.rows.get(changed.id);
    if (!stored || stored.tenantId !== tenantId || stored.version !== expectedVersion) return false;
    const { id, courseId, createdAt } = stored;
    this.rows.set(id, structuredClone({ ...changed, id, tenantId, courseId, createdAt }));
    return true;
  }

  async delete(tenantId: string, courseId: string, id: string, expectedVersion: number): Promise<boolean> {
    const stored = this.rows.get(id);
    if (!stored || stored.tenantId !== tenantId || stored.courseId !== courseId) return false;
    if (stored.version !== expectedVersion) return false;
    return this.rows.delete(id);
  }

  async deleteAllOf(tenantId: string, courseId: string): Promise<void> {
    for (const [id, s] of this.rows)
      if (s.tenantId === tenantId && s.courseId === courseId) this.rows.delete(id);
  }
}
