import { Inject, Injectable } from '@nestjs/common';
import type { Course } from '../domain/course';
import { mayReadCourseRoles } from '../domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { openCourseForRoles, type CourseTarget } from './open-course';

/** LE-C2: who holds which role in a course (its author and the others), to those who may edit it. */
@Injectable()
export class ListCourseRolesUseCase {
  constructor(@Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository) {}

  execute(query: CourseTarget): Promise<Course> {
    return openCourseForRoles(this.courses, query, mayReadCourseRoles);
  }
}
