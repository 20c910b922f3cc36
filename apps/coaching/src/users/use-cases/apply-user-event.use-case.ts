import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { UserChange } from '../domain/user';
import {
  USER_PROJECTION_REPOSITORY,
  type UserProjectionRepository,
} from '../ports/user-projection.repository';

/** Keeps the user projection in line with identity's user events; older events are ignored. */
@Injectable()
export class ApplyUserEventUseCase {
  constructor(@Inject(USER_PROJECTION_REPOSITORY) private readonly users: UserProjectionRepository) {}

  execute(change: UserChange): Promise<ProjectionOutcome> {
    return this.users.apply(change);
  }
}
