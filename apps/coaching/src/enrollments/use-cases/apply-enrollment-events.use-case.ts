import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { LearnerEnrollmentChange } from '../domain/learner-enrollment';
import {
  LEARNER_ENROLLMENT_REPOSITORY,
  type LearnerEnrollmentRepository,
} from '../ports/learner-enrollment.repository';

/**
 * A batch of learning's enrollment events (rule 8), applied to coaching's projection of
 * enrollments in bulk: each enrollment ends at its newest event, whatever the order of the
 * batch. Idempotent (rule 2): an event not newer than what the projection holds (a
 * redelivery, an older copy) changes nothing. Returns each change's outcome, in the order given.
 */
@Injectable()
export class ApplyEnrollmentEventsUseCase {
  constructor(
    @Inject(LEARNER_ENROLLMENT_REPOSITORY) private readonly enrollments: LearnerEnrollmentRepository,
  ) {}

  async execute(changes: readonly LearnerEnrollmentChange[]): Promise<ProjectionOutcome[]> {
    if (changes.length === 0) return [];
    return this.enrollments.applyMany(changes);
  }
}
