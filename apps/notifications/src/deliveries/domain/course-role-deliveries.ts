import type { CourseRole } from '@lms/contracts';
import { newDelivery, type CourseRoleMailContext, type Delivery } from './delivery';

/**
 * The course-role events notifications takes: a grant may mail the user given the role (NO-1),
 * and both keep who teaches which course (its instructors are mailed about its sessions).
 */
export const COURSE_ROLE_EVENTS = ['course-role.granted', 'course-role.revoked'] as const;
export type CourseRoleEventType = (typeof COURSE_ROLE_EVENTS)[number];

/** Of those, the events that may mail the user (NO-1, NO-4: a category of preferences). */
export const MAILED_COURSE_ROLE_EVENTS = ['course-role.granted'] as const;

/** What a course-role event says, as far as mails are concerned. */
export interface CourseRoleEventFacts {
  eventId: string;
  tenantId: string;
  type: CourseRoleEventType;
  /** The course's version the event brought it to (its `aggregateVersion`). */
  version: number;
  grant: {
    courseId: string;
    courseTitle: string;
    userId: string;
    role: CourseRole;
  };
}

/**
 * The deliveries a course-role event causes (NO-1): a reviewer is mailed when assigned (LE-C2);
 * no other role, and no revocation, is. Pure.
 */
export function planCourseRoleDeliveries(event: CourseRoleEventFacts, now: Date): Delivery[] {
  const { courseId, courseTitle, userId, role } = event.grant;
  if (event.type !== 'course-role.granted' || role !== 'reviewer') return [];
  const context: CourseRoleMailContext = { courseRole: { courseId, courseTitle, role } };
  return [
    newDelivery({
      tenantId: event.tenantId,
      sourceEventId: event.eventId,
      sourceType: event.type,
      recipientId: userId,
      kind: 'course.reviewer-assigned',
      context,
      now,
    }),
  ];
}
