import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import type { Course } from '../domain/course';
import { mayChangeCourseRole } from '../domain/course-access';
import { revokeCourseRole, type CourseRole } from '../domain/course-roles';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { courseRoleEventsOf } from './course-role-events';
import { courseRoleRefused } from './course-role-refused';
import { openCourseForRoles, type CourseTarget } from './open-course';

export interface RevokeCourseRoleCommand extends CourseTarget {
  userId: string;
  role: CourseRole;
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * LE-C2: revokes a user's role in a course, with `course-role.revoked` in the same write; a
 * role not held changes nothing. The author's role is handed on instead; an archived course's
 * roles no longer change.
 */
@Injectable()
export class RevokeCourseRoleUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RevokeCourseRoleCommand): Promise<Course> {
    const { tenantId, userId, role } = command;
    return withOptimisticRetry<Course>(async () => {
      const course = await openCourseForRoles(this.courses, command, (actor, c) =>
        mayChangeCourseRole(actor, c, role),
      );
      assertExpectedVersion(command.expectedVersion, course.version);
      const change = revokeCourseRole(course, { userId, role }, this.clock.now());
      if (!change.ok) throw courseRoleRefused(change.problem, course.id, userId);
      if (!change.changed) return { outcome: 'written', value: course };
      const outbox = courseRoleEventsOf(this.events, change.course, [
        { type: 'course-role.revoked', userId, role },
      ]);
      if (!(await this.courses.save(tenantId, { course: change.course, outbox }, course.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: change.course };
    });
  }
}
