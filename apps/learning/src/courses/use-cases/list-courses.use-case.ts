import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { Course } from '../domain/course';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';

export interface ListCoursesQuery {
  tenantId: string;
  page: PageRequest;
}

/** The tenant's courses, a page at a time. */
@Injectable()
export class ListCoursesUseCase {
  constructor(@Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository) {}

  execute(query: ListCoursesQuery): Promise<Page<Course>> {
    return this.courses.list(query.tenantId, query.page);
  }
}
