import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, mapPage, type Page, type PageRequest } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import type { Enrollment } from '../../enrollments/domain/enrollment';
import {
  ENROLLMENT_REPOSITORY,
  type EnrollmentRepository,
} from '../../enrollments/ports/enrollment.repository';
import type { LearnerRecommendation } from '../domain/learner-recommendation';
import {
  LEARNER_RECOMMENDATION_REPOSITORY,
  type LearnerRecommendationRepository,
} from '../ports/learner-recommendation.repository';

export interface ListMyRecommendationsQuery {
  tenantId: string;
  /** The caller; null (a caller without an account) was recommended nothing. */
  userId: string | null;
  page: PageRequest;
}

/**
 * One course recommended to the caller: the recommendation, the course as learning has it (null
 * once it is gone) and the caller's enrollment in it (null: not enrolled).
 */
export interface MyRecommendation {
  recommendation: LearnerRecommendation;
  course: Pick<Course, 'title'> | null;
  enrollment: Enrollment | null;
}

/**
 * CO-W4: the courses coaches recommended to the caller, newest first, each with whether the
 * caller enrolled in it and completed it, from learning's own enrollments. A recommendation its
 * coach took back is not shown.
 */
@Injectable()
export class ListMyRecommendationsUseCase {
  constructor(
    @Inject(LEARNER_RECOMMENDATION_REPOSITORY)
    private readonly recommendations: LearnerRecommendationRepository,
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
  ) {}

  async execute(query: ListMyRecommendationsQuery): Promise<Page<MyRecommendation>> {
    const { tenantId, userId } = query;
    if (userId === null) return emptyPage(query.page);
    const page = await this.recommendations.listOf(tenantId, userId, query.page);
    const courseIds = [...new Set(page.items.map((r) => r.courseId))];
    // Per course of the page (at most the page's size): the course by `_id`, the caller's
    // enrollment by the unique live key (tenant, course, learner).
    const [courses, enrollments] = await Promise.all([
      Promise.all(courseIds.map((id) => this.courses.findById(tenantId, id))),
      Promise.all(courseIds.map((id) => this.enrollments.findOf(tenantId, id, userId))),
    ]);
    const courseOf = new Map(courseIds.map((id, i) => [id, courses[i] ?? null]));
    const enrollmentOf = new Map(courseIds.map((id, i) => [id, enrollments[i] ?? null]));
    return mapPage(page, (recommendation) => {
      const course = courseOf.get(recommendation.courseId) ?? null;
      return {
        recommendation,
        course: course && { title: course.title },
        enrollment: enrollmentOf.get(recommendation.courseId) ?? null,
      };
    });
  }
}
