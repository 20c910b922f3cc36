import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { checkDetails, newCourse, type Course, type CourseDetails, type CourseKind } from '../domain/course';
import { mayCreateCourse, type CourseActor } from '../domain/course-access';
import { detailsRefused } from './details-refused';
import { CourseForbiddenError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';

export interface CreateCourseCommand {
  tenantId: string;
  /** Who creates it; it becomes the course's author. */
  actor: CourseActor;
  kind: CourseKind;
  details: CourseDetails;
}

/**
 * LE-C1: an administrator or a power user creates a course, as a draft of which it is the
 * author. A draft publishes nothing: it enters the catalog, and the courses stream, when it is
 * published.
 */
@Injectable()
export class CreateCourseUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateCourseCommand): Promise<Course> {
    const { tenantId, actor, kind } = command;
    if (!mayCreateCourse(actor)) throw new CourseForbiddenError();
    const checked = checkDetails(kind, command.details);
    if (!checked.ok) throw detailsRefused(checked.problem);
    const now = this.clock.now();
    const course = newCourse(
      { tenantId, kind, authorId: actor.userId, details: checked.details },
      { id: newId(now), now },
    );
    await this.courses.insert({ course, outbox: [] });
    return course;
  }
}
