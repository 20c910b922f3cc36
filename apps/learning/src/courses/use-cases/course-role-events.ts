import { CourseRolesStream, type CourseRole } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { Course } from '../domain/course';

/** One change of a user's role, as `course-role.granted` or `course-role.revoked` carries it. */
export interface RoleChangeOf {
  type: 'course-role.granted' | 'course-role.revoked';
  userId: string;
  role: CourseRole;
}

/**
 * The events of role changes for the course's outbox (rule 1), at the course's new version and
 * time, with its title (a reviewer's mail names the course).
 */
export function courseRoleEventsOf(
  events: EventFactory,
  course: Course,
  changes: readonly RoleChangeOf[],
): OutboxEntry[] {
  return changes.map((change) =>
    events.create(CourseRolesStream, change.type, {
      tenantId: course.tenantId,
      aggregateId: course.id,
      aggregateVersion: course.version,
      occurredAt: course.updatedAt,
      payload: {
        courseId: course.id,
        courseTitle: course.title,
        userId: change.userId,
        role: change.role,
        changedAt: course.updatedAt.toISOString(),
      },
    }),
  );
}
