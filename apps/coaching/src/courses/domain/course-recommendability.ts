import type { CatalogCourse } from './catalog-course';

/**
 * Why a course may not be recommended (CO-W4): never seen on the courses stream, not published
 * yet, or archived. Only the catalog's courses, the published ones, are recommended (LE-C1).
 */
export const UNRECOMMENDABLE_REASONS = ['unknown', 'draft', 'archived'] as const;
export type UnrecommendableReason = (typeof UNRECOMMENDABLE_REASONS)[number];

/** Why `course` (null: not in the projection) may not be recommended, or null when it may. */
export function whyUnrecommendable(course: CatalogCourse | null): UnrecommendableReason | null {
  if (course === null) return 'unknown';
  return course.state === 'published' ? null : course.state;
}

/**
 * The courses of `courseIds` that may not be recommended, each with its reason, in the order
 * asked (once each), given what the projection found of them (`found`, of any order; a course
 * missing from it is unknown). Empty when every one of them may be recommended.
 */
export function unrecommendableAmong(
  courseIds: readonly string[],
  found: readonly CatalogCourse[],
): Array<{ courseId: string; reason: UnrecommendableReason }> {
  const byId = new Map(found.map((course) => [course.courseId, course]));
  return [...new Set(courseIds)].flatMap((courseId) => {
    const reason = whyUnrecommendable(byId.get(courseId) ?? null);
    return reason === null ? [] : [{ courseId, reason }];
  });
}
