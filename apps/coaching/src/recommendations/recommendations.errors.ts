import { BusinessRuleError, DomainError, NotFoundError } from '@lms/kernel';
import type { UnrecommendableReason } from '../courses/domain/course-recommendability';

export class RecommendationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('RECOMMENDATION.NOT_FOUND', `Recommendation ${id} does not exist.`, { recommendationId: id });
  }
}

/** CO-W4: only a coach of the mentee, now, recommends courses to it. */
export class RecommendationForbiddenError extends DomainError {
  constructor(menteeId: string) {
    super(
      'RECOMMENDATION.FORBIDDEN',
      'forbidden',
      `Only a coach of mentee ${menteeId}, under a current and active assignment, recommends courses to it.`,
      { menteeId },
    );
  }
}

/** CO-W4: a recommendation is removed by the coach who made it only. */
export class RecommendationRemovalForbiddenError extends DomainError {
  constructor(id: string) {
    super(
      'RECOMMENDATION.FORBIDDEN',
      'forbidden',
      `Only the coach who made recommendation ${id} removes it.`,
      { recommendationId: id },
    );
  }
}

/** CO-W4: a course coaching's copy of the catalog does not know, or that is not published. */
export class CoursesUnavailableError extends BusinessRuleError {
  constructor(courses: ReadonlyArray<{ courseId: string; reason: UnrecommendableReason }>) {
    super(
      'RECOMMENDATION.COURSES_UNAVAILABLE',
      `${courses.length} of the courses cannot be recommended: ${courses.map((c) => `course ${c.courseId} is ${c.reason}`).join('; ')}. Only the published courses of the catalog are.`,
      { courses },
    );
  }
}
