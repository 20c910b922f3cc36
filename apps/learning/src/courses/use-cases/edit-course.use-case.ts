import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import {
  checkDetails,
  editCourse,
  patchedDetails,
  sameDetails,
  type Course,
  type CourseDetails,
} from '../domain/course';
import { isEditable } from '../domain/course-lifecycle';
import { CourseArchivedError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { courseEventsOf } from './course-events';
import { detailsRefused } from './details-refused';
import { openCourseToEdit, type CourseTarget } from './open-course';

export interface EditCourseCommand extends CourseTarget {
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
  /** The fields to change; those absent are kept. */
  patch: Partial<CourseDetails>;
}

/**
 * LE-C1: an administrator, a power user or the course's author edits a draft or published
 * course (an archived one is history). A published course's change publishes `course.updated`
 * in the same write; a change that changes nothing writes nothing.
 */
@Injectable()
export class EditCourseUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: EditCourseCommand): Promise<Course> {
    return withOptimisticRetry<Course>(async () => {
      const course = await openCourseToEdit(this.courses, command);
      assertExpectedVersion(command.expectedVersion, course.version);
      if (!isEditable(course)) throw new CourseArchivedError(course.id);
      const checked = checkDetails(course.kind, patchedDetails(course, command.patch));
      if (!checked.ok) throw detailsRefused(checked.problem);
      if (sameDetails(course, checked.details)) return { outcome: 'written', value: course };
      const next = editCourse(course, checked.details, this.clock.now());
      const outbox = courseEventsOf(this.events, course.state, next);
      if (!(await this.courses.save(command.tenantId, { course: next, outbox }, course.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}
