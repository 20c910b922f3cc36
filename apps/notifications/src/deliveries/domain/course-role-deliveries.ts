import type { CourseRole } from '@lms/contracts';
import { newDelivery, type CourseRoleMailContext, type Delivery } from './delivery';

/** The course-role events that may mail the user given the role (NO-1). */
export const MAILED_COURSE_ROLE_EVENTS = ['course-role.granted'] as const;
export type CourseRoleEventType = (typeof MAILED_COURSE_ROLE_EVENTS)[number];

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
 * no other role is. Pure.
 */
export function planCourseRoleDeliveries(event: CourseRoleEventFacts, now: Date): Delivery[] {
  const { courseId, courseTitle, userId, role } = event.grant;
  if (role !== 'reviewer') return [];
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
