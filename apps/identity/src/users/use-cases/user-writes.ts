import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { withOptimisticRetry } from '@lms/kernel';
import type { User } from '../domain/user';
import type { UserChange } from '../domain/user-lifecycle';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { userDeletedEvent, userUpdatedEvent } from '../user-events';
import { UserNotFoundError } from '../users.errors';

/** What a change of a user came to: the user as it is now. */
export interface WrittenUser {
  outcome: 'changed' | 'unchanged';
  user: User;
}

/**
 * Every change of a stored user: a read-decide-write where `decide` sees the stored user (and
 * may refuse by throwing), then a compare-and-set on the version read, with `user.updated` (or
 * `user.deleted`) in the same write (rule 1). A concurrent writer's win means reading and
 * deciding again.
 */
@Injectable()
export class UserWriter {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
  ) {}

  change(
    target: { tenantId: string; userId: string },
    decide: (user: User) => UserChange | Promise<UserChange>,
    event: 'user.updated' | 'user.deleted' = 'user.updated',
  ): Promise<WrittenUser> {
    return withOptimisticRetry<WrittenUser>(async () => {
      const user = await this.users.findById(target.tenantId, target.userId);
      if (!user) throw new UserNotFoundError(target.userId);
      const decision = await decide(user);
      if (decision.outcome === 'unchanged')
        return { outcome: 'written', value: { outcome: 'unchanged', user } };
      const written = decision.user;
      const entry =
        event === 'user.deleted'
          ? userDeletedEvent(this.events, written)
          : userUpdatedEvent(this.events, written);
      const outcome = await this.users.update(written, user.version, [entry]);
      return outcome === 'written' ? { outcome, value: { outcome: 'changed', user: written } } : { outcome };
    });
  }
}
