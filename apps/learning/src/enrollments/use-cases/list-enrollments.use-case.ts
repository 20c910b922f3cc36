import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import type { Enrollment } from '../domain/enrollment';
import { enrollmentListScope, managesEnrollments } from '../domain/enrollment-access';
import {
  ENROLLMENT_REPOSITORY,
  type EnrollmentFilter,
  type EnrollmentRepository,
} from '../ports/enrollment.repository';

export interface ListEnrollmentsQuery {
  tenantId: string;
  actor: CourseActor;
  filter: Omit<EnrollmentFilter, 'sessionId'>;
  page: PageRequest;
}

/**
 * LE-E1, LE-C2: enrollments in creation order: the tenant's to those who manage enrollments,
 * a course's to its instructors (filtered by that course), a learner's own to anyone else
 * (another learner's filter answers an empty page).
 */
@Injectable()
export class ListEnrollmentsUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
  ) {}

  async execute(query: ListEnrollmentsQuery): Promise<Page<Enrollment>> {
    const { tenantId, actor, filter } = query;
    // The course is read only when it may widen the list: its instructors see its enrollments.
    const course =
      !managesEnrollments(actor) && filter.courseId !== undefined
        ? await this.courses.findById(tenantId, filter.courseId)
        : null;
    const scope = enrollmentListScope(actor, course ?? undefined);
    if (scope === null) return emptyPage(query.page);
    if (scope.userId !== undefined && filter.userId !== undefined && filter.userId !== scope.userId)
      return emptyPage(query.page);
    return this.enrollments.list(tenantId, { ...filter, ...scope }, query.page);
  }
}
