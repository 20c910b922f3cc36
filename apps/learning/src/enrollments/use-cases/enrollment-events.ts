import { CourseProgressStream, EnrollmentsStream, type EnrollmentStateV1 } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { CourseRepository } from '../../courses/ports/course.repository';
import type { Enrollment, EnrollmentState } from '../domain/enrollment';

/** What happened to an enrollment, as the enrollments stream names it. */
export type EnrollmentEventType = 'enrollment.created' | 'enrollment.state-changed' | 'enrollment.deleted';

/**
 * The enrollment's full state as the enrollments stream carries it, with its course's title when
 * known, and its attendance and grade once an instructor marked them.
 */
export function enrollmentStateOf(
  enrollment: Enrollment,
  previousState: EnrollmentState | null,
  courseTitle?: string,
): EnrollmentStateV1 {
  return {
    enrollmentId: enrollment.id,
    courseId: enrollment.courseId,
    ...(courseTitle === undefined ? {} : { courseTitle }),
    userId: enrollment.userId,
    sessionId: enrollment.sessionId,
    state: enrollment.state,
    previousState,
    ...(enrollment.attendance === null ? {} : { attendance: enrollment.attendance, grade: enrollment.grade }),
    updatedAt: enrollment.updatedAt.toISOString(),
  };
}

/**
 * The event of `type` with the enrollment's full state at its version, and the course's title
 * as it is when the event is written (absent when the course is gone), for its outbox.
 */
export function enrollmentEvent(
  events: EventFactory,
  type: EnrollmentEventType,
  enrollment: Enrollment,
  previousState: EnrollmentState | null,
  courseTitle?: string,
): OutboxEntry {
  return events.create(EnrollmentsStream, type, {
    tenantId: enrollment.tenantId,
    aggregateId: enrollment.id,
    aggregateVersion: enrollment.version,
    occurredAt: enrollment.updatedAt,
    payload: enrollmentStateOf(enrollment, previousState, courseTitle),
  });
}

/** The title of the enrollment's course as it is now; undefined when the course is gone. */
export async function courseTitleOf(
  courses: CourseRepository,
  enrollment: Pick<Enrollment, 'tenantId' | 'courseId'>,
): Promise<string | undefined> {
  return (await courses.findById(enrollment.tenantId, enrollment.courseId))?.title;
}

/**
 * LE-E4: the learner opened a course for the first time, for identity to make the user
 * `active` (it takes the first and ignores the others). The aggregate is the learner.
 */
export function firstAccessEvent(events: EventFactory, enrollment: Enrollment, at: Date): OutboxEntry {
  return events.create(CourseProgressStream, 'course.first-accessed', {
    tenantId: enrollment.tenantId,
    aggregateId: enrollment.userId,
    aggregateVersion: 1,
    occurredAt: at,
    payload: { userId: enrollment.userId, courseId: enrollment.courseId, accessedAt: at.toISOString() },
  });
}
