import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { CoachingUserChange } from '../domain/coaching-user';
import { COACHING_USER_REPOSITORY, type CoachingUserRepository } from '../ports/coaching-user.repository';

/**
 * A batch of identity's user events (rule 8), applied to coaching's projection of users in
 * bulk: each user ends at its newest event, whatever the order of the batch. Idempotent
 * (rule 2): an event not newer than what the projection holds (a redelivery, an older copy,
 * an update older than the user's deletion) changes nothing. Returns each change's outcome, in
 * the order given.
 */
@Injectable()
export class ApplyUserEventsUseCase {
  constructor(@Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository) {}

  async execute(changes: readonly CoachingUserChange[]): Promise<ProjectionOutcome[]> {
    if (changes.length === 0) return [];
    return this.users.applyMany(changes);
  }
}
