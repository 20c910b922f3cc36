import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, withOptimisticRetry } from '@lms/kernel';
import { isDeletable } from '../domain/course-lifecycle';
import { CourseNotDraftError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { COURSE_SESSION_REPOSITORY, type CourseSessionRepository } from '../ports/course-session.repository';
import { openCourseToEdit, type CourseTarget } from './open-course';

/**
 * LE-C1: deletes a draft course for good, with its sessions; a published course is archived
 * instead (409 `COURSE.NOT_DRAFT`). A draft never published an event, so none is due.
 */
@Injectable()
export class DeleteCourseUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
  ) {}

  async execute(command: CourseTarget & { expectedVersion?: number }): Promise<void> {
    const { tenantId } = command;
    const deleted = await withOptimisticRetry<string>(async () => {
      const course = await openCourseToEdit(this.courses, command);
      assertExpectedVersion(command.expectedVersion, course.version);
      if (!isDeletable(course)) throw new CourseNotDraftError(course.id, course.state);
      if (!(await this.courses.delete(tenantId, course.id, course.version))) return { outcome: 'stale' };
      return { outcome: 'written', value: course.id };
    });
    // Once the course is gone its sessions are unreachable; they are removed after it.
    await this.sessions.deleteAllOf(tenantId, deleted);
  }
}
