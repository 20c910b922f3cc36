import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { markUserDeleted } from '../domain/user-lifecycle';
import type { UserActor } from '../domain/user-permissions';
import { AccountRetirement } from './account-retirement';
import { UserAccess } from './user-access';

/**
 * Deletes a user: a tombstone (its data and state kept, `deletedAt` set) that answers
 * `USER.NOT_FOUND` from then on, with `user.deleted` in the same write. Nobody deletes itself;
 * an administrator leaves the registry first, unless it is the last one (ID-R2).
 */
@Injectable()
export class DeleteUserUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: UserAccess,
    private readonly retirement: AccountRetirement,
  ) {}

  async execute(command: { actor: UserActor; userId: string }): Promise<void> {
    const { actor, userId } = command;
    await this.retirement.retire({ tenantId: actor.tenantId, userId }, 'deleted', async (user) => {
      await this.access.authorize(actor, 'delete', user);
      return { outcome: 'changed', user: markUserDeleted(user, this.clock.now()) };
    });
  }
}
