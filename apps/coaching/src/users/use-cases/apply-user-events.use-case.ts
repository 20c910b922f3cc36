import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { UserChange } from '../domain/user';
import {
  USER_PROJECTION_REPOSITORY,
  type UserProjectionRepository,
} from '../ports/user-projection.repository';

/**
 * Keeps the user projection in line with identity's user events, a batch at a time (rule 8);
 * older events are ignored. Returns each event's outcome, in order.
 */
@Injectable()
export class ApplyUserEventsUseCase {
  constructor(@Inject(USER_PROJECTION_REPOSITORY) private readonly users: UserProjectionRepository) {}

  execute(changes: readonly UserChange[]): Promise<ProjectionOutcome[]> {
    return this.users.applyMany(changes);
  }
}
