import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../../courses/ports/catalog-course.repository';
import {
  LEARNER_ENROLLMENT_REPOSITORY,
  type LearnerEnrollmentRepository,
} from '../../enrollments/ports/learner-enrollment.repository';
import { visibleRecommendations, type RecommendationActor } from '../domain/recommendation-access';
import { RECOMMENDATION_REPOSITORY, type RecommendationRepository } from '../ports/recommendation.repository';
import { withCourses, type RecommendedCourse } from './recommended-course';

/**
 * CO-W4: the recommendations the caller may see, newest first, narrowed to one mentee when
 * asked: a coach those it made, a mentee those made to it, an administrator all of the tenant's;
 * each with its course as coaching's copy of the catalog knows it and the state of the mentee's
 * enrollment in it, as learning's events told it.
 */
@Injectable()
export class ListRecommendationsUseCase {
  constructor(
    @Inject(RECOMMENDATION_REPOSITORY) private readonly recommendations: RecommendationRepository,
    @Inject(CATALOG_COURSE_REPOSITORY) private readonly courses: CatalogCourseRepository,
    @Inject(LEARNER_ENROLLMENT_REPOSITORY) private readonly enrollments: LearnerEnrollmentRepository,
  ) {}

  async execute(query: {
    actor: RecommendationActor;
    menteeId?: string;
    page: PageRequest;
  }): Promise<Page<RecommendedCourse>> {
    const { actor, page } = query;
    const filter = visibleRecommendations(actor, query.menteeId);
    if (filter === null) return emptyPage(page);
    const found = await this.recommendations.list(actor.tenantId, filter, page);
    return {
      ...found,
      items: await withCourses(
        { courses: this.courses, enrollments: this.enrollments },
        actor.tenantId,
        found.items,
      ),
    };
  }
}
