import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import {
  isCurrent,
  targetKey,
  type GroupEnrollment,
  type GroupEnrollmentCounts,
  type GroupEnrollmentDeparture,
} from '../group-enrollments/domain/group-enrollment';
import type {
  GroupEnrollmentDepartureRepository,
  GroupEnrollmentFilter,
  GroupEnrollmentRepository,
} from '../group-enrollments/ports/group-enrollment.repository';

/** Newest first, as the Mongo repository sorts: the ids are time-ordered. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<GroupEnrollment>> = [['_id', (g) => g.id, -1]];
/** By member, as the Mongo repository sorts departures. */
const BY_MEMBER: ReadonlyArray<MemorySortKey<GroupEnrollmentDeparture>> = [
  ['_id', (d) => `${d.groupEnrollmentId}:${d.userId}`, 1],
];

function matches(enrollment: GroupEnrollment, filter: GroupEnrollmentFilter): boolean {
  const { target } = enrollment;
  return (
    (filter.groupId === undefined || enrollment.groupId === filter.groupId) &&
    (filter.status === undefined || enrollment.status === filter.status) &&
    (filter.courseId === undefined || (target.kind === 'course' && target.courseId === filter.courseId)) &&
    (filter.planId === undefined || (target.kind === 'plan' && target.planId === filter.planId))
  );
}

/** Group enrollments in memory, for unit tests: the same uniqueness, scoping, order and compare-and-set as the Mongo one. */
export class InMemoryGroupEnrollmentRepository implements GroupEnrollmentRepository {
  private readonly rows = new Map<string, GroupEnrollment>();

  async insert(enrollment: GroupEnrollment): Promise<boolean> {
    if (this.rows.has(enrollment.id)) throw new Error(`duplicate group enrollment id ${enrollment.id}`);
    const taken = [...this.rows.values()].some(
      (g) =>
        g.tenantId === enrollment.tenantId &&
        g.groupId === enrollment.groupId &&
        targetKey(g.target) === targetKey(enrollment.target) &&
        isCurrent(g),
    );
    if (taken) return false;
    this.rows.set(enrollment.id, structuredClone(enrollment));
    return true;
  }

  async findById(tenantId: string, id: string): Promise<GroupEnrollment | null> {
    const found = this.rows.get(id);
    return found && found.tenantId === tenantId ? structuredClone(found) : null;
  }

  async list(
    tenantId: string,
    filter: GroupEnrollmentFilter,
    page: PageRequest,
  ): Promise<Page<GroupEnrollment>> {
    const matching = [...this.rows.values()].filter((g) => g.tenantId === tenantId && matches(g, filter));
    return structuredClone(slicePage(matching, page, NEWEST_FIRST));
  }

  async listCurrentOfGroups(tenantId: string, groupIds: readonly string[]): Promise<GroupEnrollment[]> {
    return [...this.rows.values()]
      .filter((g) => g.tenantId === tenantId && groupIds.includes(g.groupId) && isCurrent(g))
      .map((g) => structuredClone(g));
  }

  async listRunning(limit: number): Promise<Array<Pick<GroupEnrollment, 'id' | 'tenantId'>>> {
    return [...this.rows.values()]
      .filter((g) => g.status === 'running')
      .slice(0, limit)
      .map(({ id, tenantId }) => ({ id, tenantId }));
  }

  async save(changed: GroupEnrollment, expectedVersion: number): Promise<boolean> {
    const stored = this.rows.get(changed.id);
    if (!stored || stored.tenantId !== changed.tenantId || stored.version !== expectedVersion) return false;
    // The counts of members who joined are the store's own (added apart), as in the Mongo one.
    this.rows.set(changed.id, structuredClone({ ...changed, joined: stored.joined }));
    return true;
  }

  async addJoined(tenantId: string, id: string, counts: GroupEnrollmentCounts): Promise<void> {
    const stored = this.rows.get(id);
    if (!stored || stored.tenantId !== tenantId) return;
    stored.joined = {
      enrolled: stored.joined.enrolled + counts.enrolled,
      kept: stored.joined.kept + counts.kept,
      notEnrolled: stored.joined.notEnrolled + counts.notEnrolled,
    };
  }
}

/** Departures in memory, for unit tests. */
export class InMemoryGroupEnrollmentDepartureRepository implements GroupEnrollmentDepartureRepository {
  private readonly rows = new Map<string, GroupEnrollmentDeparture>();

  async record(departures: readonly GroupEnrollmentDeparture[]): Promise<void> {
    for (const d of departures)
      this.rows.set(`${d.tenantId}:${d.groupEnrollmentId}:${d.userId}`, structuredClone(d));
  }

  async forget(tenantId: string, groupEnrollmentId: string, userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) this.rows.delete(`${tenantId}:${groupEnrollmentId}:${userId}`);
  }

  async list(
    tenantId: string,
    groupEnrollmentId: string,
    page: PageRequest,
  ): Promise<Page<GroupEnrollmentDeparture>> {
    const matching = [...this.rows.values()].filter(
      (d) => d.tenantId === tenantId && d.groupEnrollmentId === groupEnrollmentId,
    );
    return structuredClone(slicePage(matching, page, BY_MEMBER));
  }
}
