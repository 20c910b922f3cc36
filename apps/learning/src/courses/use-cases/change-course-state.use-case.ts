import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import type { Course } from '../domain/course';
import { moveCourse, type CourseTransition } from '../domain/course-lifecycle';
import { CourseTransitionNotAllowedError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { courseEventsOf } from './course-events';
import { openCourseToEdit, type CourseTarget } from './open-course';

export interface ChangeCourseStateCommand extends CourseTarget {
  transition: CourseTransition;
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/**
 * LE-C1: publishes a draft (`course.published`: it enters the catalog) or archives a published
 * course (`course.archived`: it leaves it for good), the event in the same write as the state.
 * Any other move is refused (409 `COURSE.TRANSITION_NOT_ALLOWED`).
 */
@Injectable()
export class ChangeCourseStateUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ChangeCourseStateCommand): Promise<Course> {
    return withOptimisticRetry<Course>(async () => {
      const course = await openCourseToEdit(this.courses, command);
      assertExpectedVersion(command.expectedVersion, course.version);
      const moved = moveCourse(course, command.transition, this.clock.now());
      if (!moved.ok) throw new CourseTransitionNotAllowedError(course.id, moved.from, moved.to);
      const outbox = courseEventsOf(this.events, course.state, moved.course);
      if (!(await this.courses.save(command.tenantId, { course: moved.course, outbox }, course.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: moved.course };
    });
  }
}
