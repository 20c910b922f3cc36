import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import type { User } from '../domain/user';
import { activateUser, deactivateUser, type StateAction, type UserChange } from '../domain/user-lifecycle';
import { asSeenBy, type UserActor } from '../domain/user-permissions';
import { UserExpiredError } from '../users.errors';
import { AccountRetirement } from './account-retirement';
import { UserAccess } from './user-access';
import { UserWriter, type WrittenUser } from './user-writes';

export type { StateAction } from '../domain/user-lifecycle';

export interface ChangeUserStateCommand {
  actor: UserActor;
  userId: string;
  action: StateAction;
}

/**
 * ID-U3, ID-U5, ID-R3: deactivates (immediately, data kept) or activates a user, by
 * compare-and-set with `user.updated`. Nobody changes its own state; an administrator is
 * deactivated only by a peer of the same or a higher kind, and never the last one: the
 * registry stops counting it before its account is written. An expired account is
 * restored only by moving its expiry.
 */
@Injectable()
export class ChangeUserStateUseCase {
  constructor(
    private readonly writer: UserWriter,
    private readonly retirement: AccountRetirement,
    private readonly administrators: AdministratorRegistry,
    private readonly access: UserAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChangeUserStateCommand): Promise<WrittenUser> {
    const { actor, userId, action } = command;
    const tenantId = actor.tenantId;
    const decide = async (user: User): Promise<UserChange> => {
      await this.access.authorize(actor, 'change_state', user);
      const change =
        action === 'activate' ? activateUser(user, this.clock.now()) : deactivateUser(user, this.clock.now());
      if (change.outcome === 'expired') throw new UserExpiredError(userId);
      return change;
    };
    const seen = (written: WrittenUser): WrittenUser => ({ ...written, user: asSeenBy(actor, written.user) });

    if (action === 'activate') {
      const written = await this.writer.change({ tenantId, userId }, decide);
      if (written.outcome === 'changed') await this.administrators.reinstate(tenantId, userId);
      return seen(written);
    }
    return seen(await this.retirement.retire({ tenantId, userId }, 'deactivated', decide));
  }
}
