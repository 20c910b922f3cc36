import type { DomainError } from '@lms/kernel';
import type { DetailsProblem } from '../domain/course';
import { CourseInvalidError, CourseOverbookingNotAllowedError } from '../courses.errors';

/** The error of course details that cannot be kept. */
export function detailsRefused(problem: DetailsProblem): DomainError {
  return problem.kind === 'overbooking_on_ilt'
    ? new CourseOverbookingNotAllowedError()
    : new CourseInvalidError(problem.reason);
}
