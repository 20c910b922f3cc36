import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from '../domain/enrollment';
import { enrollmentListScope } from '../domain/enrollment-access';
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
 * LE-E1: enrollments in creation order: the tenant's to those who manage enrollments, a
 * learner's own to anyone else (another learner's filter answers an empty page).
 */
@Injectable()
export class ListEnrollmentsUseCase {
  constructor(@Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository) {}

  execute(query: ListEnrollmentsQuery): Promise<Page<Enrollment>> {
    const scope = enrollmentListScope(query.actor);
    if (scope === null) return Promise.resolve(emptyPage(query.page));
    if (
      scope.userId !== undefined &&
      query.filter.userId !== undefined &&
      query.filter.userId !== scope.userId
    )
      return Promise.resolve(emptyPage(query.page));
    return this.enrollments.list(query.tenantId, { ...query.filter, ...scope }, query.page);
  }
}
