import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { LearnerCourse, LearnerEnrollment, LearnerEnrollmentChange } from '../domain/learner-enrollment';

/** The enrollments coaching keeps from learning's enrollments stream. Every query is scoped by tenant. */
export interface LearnerEnrollmentRepository {
  /**
   * Applies enrollment events in bulk (rule 8), keeping version order per enrollment: for each
   * change, 'applied' when it was newer than what the projection held (and than the changes of
   * the same enrollment before it), 'stale' otherwise (and it changed nothing); in the order of
   * `changes`. An unenrollment leaves a tombstone at its version.
   */
  applyMany(changes: readonly LearnerEnrollmentChange[]): Promise<ProjectionOutcome[]>;
  /** The live enrollments of the tenant of these learners in these courses (each pair), in no order. */
  findLive(tenantId: string, pairs: readonly LearnerCourse[]): Promise<LearnerEnrollment[]>;
}

export const LEARNER_ENROLLMENT_REPOSITORY = Symbol('LEARNER_ENROLLMENT_REPOSITORY');
