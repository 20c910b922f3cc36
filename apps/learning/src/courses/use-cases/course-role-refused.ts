import type { DomainError } from '@lms/kernel';
import { MAX_COURSE_ROLES, type GrantProblem } from '../domain/course-roles';
import {
  CourseRoleAuthorNotGrantableError,
  CourseRoleCoAuthorNeedsAuthorRoleError,
  CourseRoleCourseArchivedError,
  CourseRoleReviewerNeedsPublishedError,
  CourseRoleTooManyError,
} from '../courses.errors';

/** The error of a role change refused by its rules (LE-C2). */
export function courseRoleRefused(problem: GrantProblem, courseId: string, userId: string): DomainError {
  switch (problem) {
    case 'author_not_grantable':
      return new CourseRoleAuthorNotGrantableError(courseId);
    case 'course_archived':
      return new CourseRoleCourseArchivedError(courseId);
    case 'reviewer_needs_published':
      return new CourseRoleReviewerNeedsPublishedError(courseId);
    case 'co_author_needs_author_role':
      return new CourseRoleCoAuthorNeedsAuthorRoleError(courseId, userId);
    case 'too_many':
      return new CourseRoleTooManyError(courseId, MAX_COURSE_ROLES);
  }
}
