import type { GroupRole } from '@lms/contracts';

/** What a group is enrolled in (LE-G1): a course (in a session when instructor-led) or a learning plan. */
export type GroupEnrollmentTarget =
  | { kind: 'course'; courseId: string; sessionId: string | null }
  | { kind: 'plan'; planId: string };

/**
 * `running` while the group's current members are being enrolled, chunk by chunk;
 * `following` once they all are: members who join later are enrolled as they come;
 * `ended` once an administrator stopped it: nobody else is enrolled, nobody unenrolled.
 */
export const GROUP_ENROLLMENT_STATUSES = ['running', 'following', 'ended'] as const;
export type GroupEnrollmentStatus = (typeof GROUP_ENROLLMENT_STATUSES)[number];

/**
 * What became of one member: `enrolled` now; `kept` (enrolled before, left as it is);
 * `not_enrolled` (the course is no longer published, the plan is gone, no session is left to
 * come): `reason` says which.
 */
export type MemberEnrollmentOutcome =
  | { userId: string; outcome: 'enrolled' | 'kept' }
  | { userId: string; outcome: 'not_enrolled'; reason: string };

/** Counts of the members handled, by what became of them. */
export interface GroupEnrollmentCounts {
  enrolled: number;
  kept: number;
  notEnrolled: number;
}

/**
 * LE-G1: a course or plan assigned to a group, for its members holding one of `roles`: the
 * current ones enrolled by a job, page by page in `userId` order (`cursor`: the last one
 * done), the future ones as they join. A member who leaves keeps its enrollments and is
 * reported as a departure.
 */
export interface GroupEnrollment {
  id: string;
  tenantId: string;
  groupId: string;
  target: GroupEnrollmentTarget;
  roles: GroupRole[];
  status: GroupEnrollmentStatus;
  /** The last member (by `userId`) the job handled; null before the first chunk. */
  cursor: string | null;
  /** The members of the group read by the job so far, qualifying or not. */
  membersRead: number;
  /** What became of the qualifying members the job handled. */
  counts: GroupEnrollmentCounts;
  /** What became of the members handled as they joined (or gained a qualifying role) later. */
  joined: GroupEnrollmentCounts;
  /** The account that created it; null for a caller without one. */
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  version: number;
}

/** The default roles whose holders a group enrollment enrolls. */
export const DEFAULT_ENROLLED_ROLES: readonly GroupRole[] = ['learner'];

export const NO_COUNTS: GroupEnrollmentCounts = { enrolled: 0, kept: 0, notEnrolled: 0 };

/** A new group enrollment, `running` from its first member, at version 1. */
export function newGroupEnrollment(
  input: Pick<GroupEnrollment, 'tenantId' | 'groupId' | 'target' | 'roles' | 'createdBy'>,
  at: { id: string; now: Date },
): GroupEnrollment {
  return {
    id: at.id,
    ...input,
    roles: [...new Set(input.roles)].sort(),
    status: 'running',
    cursor: null,
    membersRead: 0,
    counts: { ...NO_COUNTS },
    joined: { ...NO_COUNTS },
    createdAt: at.now,
    updatedAt: at.now,
    endedAt: null,
    version: 1,
  };
}

/** The natural key of what a group is enrolled in: one current group enrollment per group and target. */
export function targetKey(target: GroupEnrollmentTarget): string {
  return target.kind === 'course' ? `course:${target.courseId}` : `plan:${target.planId}`;
}

/** Whether a member holding `memberRoles` is one the group enrollment enrolls. */
export function qualifies(
  enrollment: Pick<GroupEnrollment, 'roles'>,
  memberRoles: readonly GroupRole[],
): boolean {
  return memberRoles.some((role) => enrollment.roles.includes(role));
}

/** Whether it still enrolls members: the job's and those who join. */
export function isCurrent(enrollment: Pick<GroupEnrollment, 'status'>): boolean {
  return enrollment.status !== 'ended';
}

/** The outcomes counted. */
export function countOutcomes(outcomes: readonly MemberEnrollmentOutcome[]): GroupEnrollmentCounts {
  const counts = { ...NO_COUNTS };
  for (const { outcome } of outcomes) {
    if (outcome === 'enrolled') counts.enrolled++;
    else if (outcome === 'kept') counts.kept++;
    else counts.notEnrolled++;
  }
  return counts;
}

/**
 * The group enrollment once the job handled one page of `membersRead` members ending with
 * `lastUserId` (null: the page was the last one), with the outcomes of its qualifying members:
 * `following` after the last page, at its next version. An ended one only records the page.
 */
export function recordPage(
  enrollment: GroupEnrollment,
  page: { membersRead: number; lastUserId: string | null; outcomes: readonly MemberEnrollmentOutcome[] },
  now: Date,
): GroupEnrollment {
  const counts = countOutcomes(page.outcomes);
  const done = page.lastUserId === null;
  return {
    ...enrollment,
    status: done && enrollment.status === 'running' ? 'following' : enrollment.status,
    cursor: page.lastUserId ?? enrollment.cursor,
    membersRead: enrollment.membersRead + page.membersRead,
    counts: {
      enrolled: enrollment.counts.enrolled + counts.enrolled,
      kept: enrollment.counts.kept + counts.kept,
      notEnrolled: enrollment.counts.notEnrolled + counts.notEnrolled,
    },
    updatedAt: now,
    version: enrollment.version + 1,
  };
}

/** The group enrollment stopped `now`: it enrolls nobody else; null when it was already. */
export function endGroupEnrollment(enrollment: GroupEnrollment, now: Date): GroupEnrollment | null {
  if (enrollment.status === 'ended') return null;
  return { ...enrollment, status: 'ended', endedAt: now, updatedAt: now, version: enrollment.version + 1 };
}

/** A member who left the group (or lost every qualifying role) while it was enrolled through it. */
export interface GroupEnrollmentDeparture {
  tenantId: string;
  groupEnrollmentId: string;
  userId: string;
  leftAt: Date;
}
