import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../../assignments/ports/assignment.repository';
import { unrecommendableAmong } from '../../courses/domain/course-recommendability';
import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../../courses/ports/catalog-course.repository';
import { mayRecommend } from '../domain/recommendation-access';
import { newRecommendations, recommendationNoteOf } from '../domain/recommendation';
import { RECOMMENDATION_REPOSITORY, type RecommendationRepository } from '../ports/recommendation.repository';
import { CoursesUnavailableError, RecommendationForbiddenError } from '../recommendations.errors';
import { withCourses, type RecommendedCourse } from './recommended-course';

export interface RecommendCoursesCommand {
  tenantId: string;
  /** Who recommends; null (a caller without an account) coaches nobody. */
  coachId: string | null;
  menteeId: string;
  courseIds: readonly string[];
  note: string | null;
}

export interface RecommendCoursesResult {
  /** One per course asked, in the order asked: stored now, or as recommended before. */
  recommended: RecommendedCourse[];
  /** Whether any of them was stored now (201), or all of them were there already (200). */
  created: boolean;
}

/**
 * CO-W4: a coach recommends published courses of learning's catalog to a mentee it coaches now.
 * Recommending a course again to the same mentee changes nothing: the first recommendation,
 * its note included, stands.
 */
@Injectable()
export class RecommendCoursesUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(CATALOG_COURSE_REPOSITORY) private readonly courses: CatalogCourseRepository,
    @Inject(RECOMMENDATION_REPOSITORY) private readonly recommendations: RecommendationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RecommendCoursesCommand): Promise<RecommendCoursesResult> {
    const { tenantId, coachId, menteeId, courseIds } = command;
    const live = await this.assignments.listLiveOf(tenantId, [menteeId]);
    if (!mayRecommend(live, coachId, menteeId)) throw new RecommendationForbiddenError(menteeId);
    const unavailable = unrecommendableAmong(courseIds, await this.courses.findMany(tenantId, courseIds));
    if (unavailable.length > 0) throw new CoursesUnavailableError(unavailable);

    // Allowed, so the caller has an account: it coaches the mentee.
    const wanted = newRecommendations(
      { tenantId, coachId: coachId as string, menteeId, courseIds, note: recommendationNoteOf(command.note) },
      this.clock.now(),
    );
    const stored = await this.recommendations.insertIfAbsent(tenantId, wanted);
    const byId = new Map(
      (
        await this.recommendations.findMany(
          tenantId,
          wanted.map((r) => r.id),
        )
      ).map((r) => [r.id, r]),
    );
    // A recommendation removed in the meantime is answered as this request made it.
    const recommended = wanted.map((recommendation) => byId.get(recommendation.id) ?? recommendation);
    return {
      recommended: await withCourses(this.courses, tenantId, recommended),
      created: stored.length > 0,
    };
  }
}
