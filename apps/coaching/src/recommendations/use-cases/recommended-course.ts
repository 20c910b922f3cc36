import type { CatalogCourse } from '../../courses/domain/catalog-course';
import type { CatalogCourseRepository } from '../../courses/ports/catalog-course.repository';
import type { Recommendation } from '../domain/recommendation';

/** A recommendation with what coaching's copy of the catalog knows of its course (null: nothing). */
export interface RecommendedCourse {
  recommendation: Recommendation;
  course: CatalogCourse | null;
}

/** Each recommendation with its course, in the order given, from one read of the catalog's copy. */
export async function withCourses(
  courses: CatalogCourseRepository,
  tenantId: string,
  recommendations: readonly Recommendation[],
): Promise<RecommendedCourse[]> {
  const known = await courses.findMany(
    tenantId,
    recommendations.map((recommendation) => recommendation.courseId),
  );
  const byId = new Map(known.map((course) => [course.courseId, course]));
  return recommendations.map((recommendation) => ({
    recommendation,
    course: byId.get(recommendation.courseId) ?? null,
  }));
}
