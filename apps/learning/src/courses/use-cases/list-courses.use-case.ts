import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { Course, CourseKind, CourseState } from '../domain/course';
import { courseListScope, type CourseActor } from '../domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';

export interface ListCoursesQuery {
  tenantId: string;
  actor: CourseActor;
  filter: { state?: CourseState; kind?: CourseKind };
  page: PageRequest;
}

/**
 * The tenant's courses in every state, a page at a time, in creation order: all of them to
 * administrators and power users, to anyone else the courses it authored.
 */
@Injectable()
export class ListCoursesUseCase {
  constructor(@Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository) {}

  async execute(query: ListCoursesQuery): Promise<Page<Course>> {
    const scope = courseListScope(query.actor);
    if (scope === null) return emptyPage(query.page);
    return this.courses.list(query.tenantId, { ...query.filter, ...scope }, query.page);
  }
}
