import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { unassignableAmong } from '../../users/domain/user-assignability';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../../users/ports/coaching-user.repository';
import { AssignmentUsersNotAssignableError } from '../assignment.errors';

/**
 * Refuses coaches coaching's copy of identity's users does not know, or who may not coach now
 * (deactivated, expired, deleted): 422 `ASSIGNMENT.USERS_NOT_ASSIGNABLE` with each and why.
 */
@Injectable()
export class AssignableCoaches {
  constructor(
    @Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async assertAssignable(tenantId: string, coachIds: readonly string[]): Promise<void> {
    const found = await this.users.findMany(tenantId, coachIds);
    const refused = unassignableAmong(coachIds, found, this.clock.now());
    if (refused.length > 0)
      throw new AssignmentUsersNotAssignableError(
        refused.map(({ userId, reason }) => ({ userId, as: 'coach', reason })),
      );
  }
}
