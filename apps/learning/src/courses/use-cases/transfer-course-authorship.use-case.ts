import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import type { Course } from '../domain/course';
import { mayTransferAuthorship } from '../domain/course-access';
import { transferAuthorship } from '../domain/course-roles';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { courseRoleEventsOf, type RoleChangeOf } from './course-role-events';
import { courseRoleRefused } from './course-role-refused';
import { openCourseForRoles, type CourseTarget } from './open-course';

export interface TransferCourseAuthorshipCommand extends CourseTarget {
  /** The new author. */
  userId: string;
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * LE-C2 (seed 003): hands a course's authorship on. The previous author keeps nothing unless
 * granted a role: `course-role.revoked` (author) for it and `course-role.granted` (author) for
 * the new one, in the same write. Handing it to the author itself changes nothing.
 */
@Injectable()
export class TransferCourseAuthorshipUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: TransferCourseAuthorshipCommand): Promise<Course> {
    const { tenantId, userId } = command;
    return withOptimisticRetry<Course>(async () => {
      const course = await openCourseForRoles(this.courses, command, mayTransferAuthorship);
      assertExpectedVersion(command.expectedVersion, course.version);
      const change = transferAuthorship(course, userId, this.clock.now());
      if (!change.ok) throw courseRoleRefused(change.problem, course.id, userId);
      if (!change.changed) return { outcome: 'written', value: course };
      const changes: RoleChangeOf[] = [
        ...(course.authorId === null
          ? []
          : [{ type: 'course-role.revoked' as const, userId: course.authorId, role: 'author' as const }]),
        { type: 'course-role.granted', userId, role: 'author' },
      ];
      const outbox = courseRoleEventsOf(this.events, change.course, changes);
      if (!(await this.courses.save(tenantId, { course: change.course, outbox }, course.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: change.course };
    });
  }
}
