import type { Page, PageRequest } from '@lms/kernel';
import type {
  GroupEnrollment,
  GroupEnrollmentCounts,
  GroupEnrollmentDeparture,
  GroupEnrollmentStatus,
} from '../domain/group-enrollment';

/** What a list of group enrollments keeps; every field narrows. */
export interface GroupEnrollmentFilter {
  groupId?: string;
  courseId?: string;
  planId?: string;
  status?: GroupEnrollmentStatus;
}

/**
 * Group enrollments (LE-G1), each in its tenant: every method takes the tenant id, and one of
 * another tenant is not found; the job runner's recovery alone reads across tenants.
 */
export interface GroupEnrollmentRepository {
  /** Stores a new one; false (nothing written) when the group is enrolled in the same target already (not ended). */
  insert(enrollment: GroupEnrollment): Promise<boolean>;
  findById(tenantId: string, id: string): Promise<GroupEnrollment | null>;
  /** Newest first. */
  list(tenantId: string, filter: GroupEnrollmentFilter, page: PageRequest): Promise<Page<GroupEnrollment>>;
  /** Those of these groups not ended (running or following). */
  listCurrentOfGroups(tenantId: string, groupIds: readonly string[]): Promise<GroupEnrollment[]>;
  /** Those still running, of every tenant, at most `limit` (a cold path: the job runner's recovery). */
  listRunning(limit: number): Promise<Array<Pick<GroupEnrollment, 'id' | 'tenantId'>>>;
  /** Replaces it by its next state if it is still at `expectedVersion`; false otherwise (nothing written). */
  save(changed: GroupEnrollment, expectedVersion: number): Promise<boolean>;
  /** Adds to what became of the members who joined later (no version change: the job's saves do not touch it). */
  addJoined(tenantId: string, id: string, counts: GroupEnrollmentCounts): Promise<void>;
}

/** The members who left a group while enrolled through a group enrollment: reported, never unenrolled. */
export interface GroupEnrollmentDepartureRepository {
  /** Records each departure once (a later one of the same member replaces it). */
  record(departures: readonly GroupEnrollmentDeparture[]): Promise<void>;
  /** Forgets the departures of members who came back. */
  forget(tenantId: string, groupEnrollmentId: string, userIds: readonly string[]): Promise<void>;
  /** The departures of one group enrollment, in `userId` order. */
  list(
    tenantId: string,
    groupEnrollmentId: string,
    page: PageRequest,
  ): Promise<Page<GroupEnrollmentDeparture>>;
}

export const GROUP_ENROLLMENT_REPOSITORY = Symbol('GROUP_ENROLLMENT_REPOSITORY');
export const GROUP_ENROLLMENT_DEPARTURE_REPOSITORY = Symbol('GROUP_ENROLLMENT_DEPARTURE_REPOSITORY');
