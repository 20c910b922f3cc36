import { newId } from '@lms/kernel';
import { EventFactory } from '@lms/messaging';
import { FixedClock } from '@lms/testing';
import type { Assignment } from '../assignments/domain/assignment';
import { newIndividualAssignment } from '../assignments/domain/assignment-lifecycle';
import type { CatalogCourse } from '../courses/domain/catalog-course';
import { ApplyCourseEventsUseCase } from '../courses/use-cases/apply-course-events.use-case';
import { ApplyEnrollmentEventsUseCase } from '../enrollments/use-cases/apply-enrollment-events.use-case';
import { ListRecommendationsUseCase } from '../recommendations/use-cases/list-recommendations.use-case';
import { RecommendCoursesUseCase } from '../recommendations/use-cases/recommend-courses.use-case';
import { RemoveRecommendationUseCase } from '../recommendations/use-cases/remove-recommendation.use-case';
import { aCourseChange } from './catalog-course-repository.contract';
import { TENANT } from './coaching-testbed';
import { InMemoryAssignmentRepository } from './in-memory-assignment.repository';
import { InMemoryCatalogCourseRepository } from './in-memory-catalog-course.repository';
import { InMemoryLearnerEnrollmentRepository } from './in-memory-learner-enrollment.repository';
import { InMemoryRecommendationRepository } from './in-memory-recommendation.repository';

/**
 * The recommendations' use cases (CO-W4) and the projections of the catalog and of enrollments,
 * over in-memory assignments, courses, enrollments and recommendations and a fixed clock.
 */
export function buildRecommendationsTestbed(options: { now?: string } = {}) {
  const clock = new FixedClock(options.now ?? '2025-03-10T09:00:00.000Z');
  const assignments = new InMemoryAssignmentRepository();
  const courses = new InMemoryCatalogCourseRepository();
  const recommendations = new InMemoryRecommendationRepository();
  const enrollments = new InMemoryLearnerEnrollmentRepository();
  const events = new EventFactory('coaching');

  return {
    clock,
    assignments,
    courses,
    recommendations,
    enrollments,
    applyCourseEvents: new ApplyCourseEventsUseCase(courses),
    applyEnrollmentEvents: new ApplyEnrollmentEventsUseCase(enrollments),
    recommendCourses: new RecommendCoursesUseCase(
      assignments,
      courses,
      recommendations,
      enrollments,
      events,
      clock,
    ),
    listRecommendations: new ListRecommendationsUseCase(recommendations, courses, enrollments),
    removeRecommendation: new RemoveRecommendationUseCase(recommendations, courses, events, clock),

    /** An individual assignment of the tenant, current and active with one coach unless told otherwise. */
    async givenAssignment(overrides: Partial<Assignment> = {}): Promise<Assignment> {
      const now = new Date('2025-03-01T10:00:00.000Z');
      const assignment: Assignment = {
        ...newIndividualAssignment(
          {
            tenantId: TENANT,
            menteeId: newId(),
            coachIds: [newId()],
            groupId: null,
            dates: { startDate: '2025-03-01', endDate: null },
          },
          { id: newId(now), now, today: '2025-03-01' },
        ),
        ...overrides,
      };
      await assignments.insert({ assignment, outbox: [] });
      return assignment;
    },

    /** A course of the tenant's catalog, published unless told otherwise. */
    async givenCourse(overrides: Partial<CatalogCourse> = {}): Promise<CatalogCourse> {
      const course = aCourseChange(TENANT, newId(), 1, overrides);
      await courses.applyMany([course]);
      return course;
    },
  };
}

export type RecommendationsTestbed = ReturnType<typeof buildRecommendationsTestbed>;
