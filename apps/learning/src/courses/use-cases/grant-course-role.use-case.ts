import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import type { Course } from '../domain/course';
import { mayChangeCourseRole } from '../domain/course-access';
import { grantCourseRole, holdsCourseRole, type CourseRole } from '../domain/course-roles';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';
import { courseRoleEventsOf } from './course-role-events';
import { courseRoleRefused } from './course-role-refused';
import { openCourseForRoles, type CourseTarget } from './open-course';

export interface GrantCourseRoleCommand extends CourseTarget {
  userId: string;
  role: CourseRole;
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * LE-C2: grants a user a role in a course, with `course-role.granted` in the same write. A role
 * held already changes nothing and writes no event. Refused: the author's role (handed on
 * instead), any role on an archived course, a reviewer on a course not published, a co-author
 * without the author role in any group.
 */
@Injectable()
export class GrantCourseRoleUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: GrantCourseRoleCommand): Promise<Course> {
    const { tenantId, userId, role } = command;
    return withOptimisticRetry<Course>(async () => {
      const course = await openCourseForRoles(this.courses, command, (actor, c) =>
        mayChangeCourseRole(actor, c, role),
      );
      assertExpectedVersion(command.expectedVersion, course.version);
      const holdsGroupAuthorRole =
        role === 'co_author' && !holdsCourseRole(course, userId, role)
          ? await this.memberships.holdsRoleInAnyGroup(tenantId, userId, 'author')
          : false;
      const change = grantCourseRole(course, { userId, role }, { holdsGroupAuthorRole }, this.clock.now());
      if (!change.ok) throw courseRoleRefused(change.problem, course.id, userId);
      if (!change.changed) return { outcome: 'written', value: course };
      const outbox = courseRoleEventsOf(this.events, change.course, [
        { type: 'course-role.granted', userId, role },
      ]);
      if (!(await this.courses.save(tenantId, { course: change.course, outbox }, course.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: change.course };
    });
  }
}
