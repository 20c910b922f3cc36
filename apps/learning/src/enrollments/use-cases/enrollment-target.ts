import type { CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from '../domain/enrollment';
import { managesEnrollments, mayReadEnrollment } from '../domain/enrollment-access';
import { EnrollmentForbiddenError, EnrollmentNotFoundError } from '../enrollments.errors';
import type { EnrollmentRepository } from '../ports/enrollment.repository';

/** Which enrollment an actor reads or changes. */
export interface EnrollmentTarget {
  tenantId: string;
  id: string;
  actor: CourseActor;
}

/**
 * The enrollment `actor` may read (or unenroll): unknown to the tenant (another tenant's, or
 * unenrolled) is not found (404) before anyone's rights are weighed; a refusal is 403.
 */
export async function openEnrollmentToRead(
  enrollments: EnrollmentRepository,
  target: EnrollmentTarget,
): Promise<Enrollment> {
  const enrollment = await enrollments.findById(target.tenantId, target.id);
  if (!enrollment) throw new EnrollmentNotFoundError({ enrollmentId: target.id });
  if (!mayReadEnrollment(target.actor, enrollment))
    throw new EnrollmentForbiddenError({ enrollmentId: target.id });
  return enrollment;
}

/** The enrollment `actor` may change by hand: those who manage enrollments only. */
export async function openEnrollmentToManage(
  enrollments: EnrollmentRepository,
  target: EnrollmentTarget,
): Promise<Enrollment> {
  const enrollment = await openEnrollmentToRead(enrollments, target);
  if (!managesEnrollments(target.actor)) throw new EnrollmentForbiddenError({ enrollmentId: target.id });
  return enrollment;
}
