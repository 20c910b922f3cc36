import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import type { Enrollment } from '../domain/enrollment';
import { enrollmentListScope, managesEnrollments } from '../domain/enrollment-access';
import { LearnerReaches } from './learner-reaches';
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
 * LE-E1, LE-C2, LE-E3: enrollments in creation order: the tenant's to those who manage
 * enrollments; a learner's to a power user of its scope and to its manager (filtered by that
 * learner); a course's to its instructors (filtered by that course); a learner's own to anyone
 * else (another learner's filter answers an empty page).
 */
@Injectable()
export class ListEnrollmentsUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    private readonly reaches: LearnerReaches,
  ) {}

  async execute(query: ListEnrollmentsQuery): Promise<Page<Enrollment>> {
    const { tenantId, actor, filter } = query;
    // The learner's reach and the course are read only when they may widen the list: a power
    // user of its scope and its manager see a learner's enrollments, instructors their course's.
    const narrowed = !managesEnrollments(actor);
    const learner =
      narrowed && filter.userId !== undefined
        ? { userId: filter.userId, reach: await this.reaches.of(actor, filter.userId) }
        : undefined;
    const course =
      narrowed && filter.courseId !== undefined
        ? await this.courses.findById(tenantId, filter.courseId)
        : null;
    const scope = enrollmentListScope(actor, { course: course ?? undefined, learner });
    if (scope === null) return emptyPage(query.page);
    if (scope.userId !== undefined && filter.userId !== undefined && filter.userId !== scope.userId)
      return emptyPage(query.page);
    return this.enrollments.list(tenantId, { ...filter, ...scope }, query.page);
  }
}
