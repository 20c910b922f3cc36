import type { CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from '../domain/enrollment';
import { mayChangeEnrollment, mayReadEnrollment } from '../domain/enrollment-access';
import { EnrollmentForbiddenError, EnrollmentNotFoundError } from '../enrollments.errors';
import type { EnrollmentRepository } from '../ports/enrollment.repository';
import type { LearnerReaches } from './learner-reaches';

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
  reaches: LearnerReaches,
  target: EnrollmentTarget,
): Promise<Enrollment> {
  const enrollment = await enrollments.findById(target.tenantId, target.id);
  if (!enrollment) throw new EnrollmentNotFoundError({ enrollmentId: target.id });
  if (!mayReadEnrollment(target.actor, enrollment, await reaches.of(target.actor, enrollment.userId)))
    throw new EnrollmentForbiddenError({ enrollmentId: target.id });
  return enrollment;
}

/**
 * The enrollment `actor` may change by hand: those who manage enrollments, and a power user
 * whose scope holds its learner.
 */
export async function openEnrollmentToManage(
  enrollments: EnrollmentRepository,
  reaches: LearnerReaches,
  target: EnrollmentTarget,
): Promise<Enrollment> {
  const enrollment = await enrollments.findById(target.tenantId, target.id);
  if (!enrollment) throw new EnrollmentNotFoundError({ enrollmentId: target.id });
  const reach = await reaches.of(target.actor, enrollment.userId);
  if (!mayReadEnrollment(target.actor, enrollment, reach) || !mayChangeEnrollment(target.actor, reach))
    throw new EnrollmentForbiddenError({ enrollmentId: target.id });
  return enrollment;
}
