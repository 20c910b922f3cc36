import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
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
import {
  LEARNER_ENROLLMENT_REPOSITORY,
  type LearnerEnrollmentRepository,
} from '../../enrollments/ports/learner-enrollment.repository';
import { mayRecommend } from '../domain/recommendation-access';
import {
  isLive,
  newRecommendations,
  recommendAgain,
  recommendationNoteOf,
  type Recommendation,
} from '../domain/recommendation';
import { RECOMMENDATION_REPOSITORY, type RecommendationRepository } from '../ports/recommendation.repository';
import { CoursesUnavailableError, RecommendationForbiddenError } from '../recommendations.errors';
import { recommendationEvent } from './recommendation-events';
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
 * its note included, stands; one the coach removed is made anew. Each one stored now is written
 * with its `recommendation.created` (rule 1), which learning shows the learner.
 */
@Injectable()
export class RecommendCoursesUseCase {
  constructor(
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    @Inject(CATALOG_COURSE_REPOSITORY) private readonly courses: CatalogCourseRepository,
    @Inject(RECOMMENDATION_REPOSITORY) private readonly recommendations: RecommendationRepository,
    @Inject(LEARNER_ENROLLMENT_REPOSITORY) private readonly enrollments: LearnerEnrollmentRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RecommendCoursesCommand): Promise<RecommendCoursesResult> {
    const { tenantId, coachId, menteeId, courseIds } = command;
    const live = await this.assignments.listLiveOf(tenantId, [menteeId]);
    if (!mayRecommend(live, coachId, menteeId)) throw new RecommendationForbiddenError(menteeId);
    const found = await this.courses.findMany(tenantId, courseIds);
    const unavailable = unrecommendableAmong(courseIds, found);
    if (unavailable.length > 0) throw new CoursesUnavailableError(unavailable);
    const courseOf = new Map(found.map((course) => [course.courseId, course]));

    // Allowed, so the caller has an account: it coaches the mentee.
    const wanted = newRecommendations(
      { tenantId, coachId: coachId as string, menteeId, courseIds, note: recommendationNoteOf(command.note) },
      this.clock.now(),
    );
    const ids = wanted.map((r) => r.id);
    const before = new Map((await this.recommendations.findMany(tenantId, ids)).map((r) => [r.id, r]));
    const withEvent = (recommendation: Recommendation) => ({
      recommendation,
      outbox: [
        recommendationEvent(this.events, recommendation, courseOf.get(recommendation.courseId) ?? null),
      ],
    });

    const inserted = await this.recommendations.insertIfAbsent(
      tenantId,
      wanted.filter((r) => !before.has(r.id)).map(withEvent),
    );
    // Those the coach removed are made anew, each by compare-and-set on the version read: one
    // changed meanwhile (made again by a request racing this one) is answered as it is now.
    const madeAgain = await Promise.all(
      wanted.flatMap((r) => {
        const removed = before.get(r.id);
        if (!removed || isLive(removed)) return [];
        return [this.recommendations.save(tenantId, withEvent(recommendAgain(removed, r)), removed.version)];
      }),
    );

    const now = new Map((await this.recommendations.findMany(tenantId, ids)).map((r) => [r.id, r]));
    // A recommendation removed in the meantime is answered as this request made it.
    const recommended = wanted.map((r) => {
      const stored = now.get(r.id);
      return stored && isLive(stored) ? stored : r;
    });
    return {
      recommended: await withCourses(
        { courses: this.courses, enrollments: this.enrollments },
        tenantId,
        recommended,
      ),
      created: inserted.length > 0 || madeAgain.some(Boolean),
    };
  }
}
