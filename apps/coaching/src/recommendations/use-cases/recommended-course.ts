import type { EnrollmentState } from '@lms/contracts';
import type { CatalogCourse } from '../../courses/domain/catalog-course';
import type { CatalogCourseRepository } from '../../courses/ports/catalog-course.repository';
import { enrollmentStateOf, enrollmentStates } from '../../enrollments/domain/learner-enrollment';
import type { LearnerEnrollmentRepository } from '../../enrollments/ports/learner-enrollment.repository';
import type { Recommendation } from '../domain/recommendation';

/**
 * A recommendation with what coaching's copy of the catalog knows of its course (null: nothing)
 * and the state of the mentee's enrollment in it, from learning's events (null: not enrolled).
 */
export interface RecommendedCourse {
  recommendation: Recommendation;
  course: CatalogCourse | null;
  enrollmentState: EnrollmentState | null;
}

/** What a recommendation is shown with, read once for a whole page. */
export interface RecommendationSources {
  courses: CatalogCourseRepository;
  enrollments: LearnerEnrollmentRepository;
}

/**
 * Each recommendation with its course and its mentee's enrollment, in the order given, from one
 * read of the catalog's copy and one of the enrollments' projection.
 */
export async function withCourses(
  sources: RecommendationSources,
  tenantId: string,
  recommendations: readonly Recommendation[],
): Promise<RecommendedCourse[]> {
  if (recommendations.length === 0) return [];
  const [known, enrollments] = await Promise.all([
    sources.courses.findMany(
      tenantId,
      recommendations.map((recommendation) => recommendation.courseId),
    ),
    sources.enrollments.findLive(
      tenantId,
      recommendations.map(({ menteeId, courseId }) => ({ userId: menteeId, courseId })),
    ),
  ]);
  const byId = new Map(known.map((course) => [course.courseId, course]));
  const states = enrollmentStates(enrollments);
  return recommendations.map((recommendation) => ({
    recommendation,
    course: byId.get(recommendation.courseId) ?? null,
    enrollmentState: enrollmentStateOf(states, {
      userId: recommendation.menteeId,
      courseId: recommendation.courseId,
    }),
  }));
}
