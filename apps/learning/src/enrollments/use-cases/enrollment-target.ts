import type { CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from '../domain/enrollment';
import { mayChangeEnrollment, mayReadEnrollment, type LearnerReach } from '../domain/enrollment-access';
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
 * The enrollment of the target, with how far the actor reaches over its learner: unknown to
 * the tenant (another tenant's, or unenrolled) is not found (404) before anyone's rights are
 * weighed; one the actor may not read is refused (403).
 */
async function openReadable(
  enrollments: EnrollmentRepository,
  reaches: LearnerReaches,
  target: EnrollmentTarget,
): Promise<{ enrollment: Enrollment; reach: LearnerReach }> {
  const enrollment = await enrollments.findById(target.tenantId, target.id);
  if (!enrollment) throw new EnrollmentNotFoundError({ enrollmentId: target.id });
  const reach = await reaches.of(target.actor, enrollment.userId);
  if (!mayReadEnrollment(target.actor, enrollment, reach))
    throw new EnrollmentForbiddenError({ enrollmentId: target.id });
  return { enrollment, reach };
}

/** The enrollment `actor` may read (or unenroll). */
export async function openEnrollmentToRead(
  enrollments: EnrollmentRepository,
  reaches: LearnerReaches,
  target: EnrollmentTarget,
): Promise<Enrollment> {
  return (await openReadable(enrollments, reaches, target)).enrollment;
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
  const { enrollment, reach } = await openReadable(enrollments, reaches, target);
  if (!mayChangeEnrollment(target.actor, reach))
    throw new EnrollmentForbiddenError({ enrollmentId: target.id });
  return enrollment;
}
