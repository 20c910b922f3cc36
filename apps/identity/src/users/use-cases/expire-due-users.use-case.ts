import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ConcurrentModificationError } from '@lms/kernel';
import type { User } from '../domain/user';
import { expireIfDue } from '../domain/user-lifecycle';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UserNotFoundError } from '../users.errors';
import { UserWriter } from './user-writes';

export interface ExpireDueUsersCommand {
  /** Users read, and expired, per batch. */
  batchSize: number;
}

/**
 * ID-U3: every user whose expiry has passed becomes `expired` (remembering the state it had),
 * each by its own compare-and-set with `user.updated`. Safe on N instances (rule 5): two
 * sweeps finding the same user both try from the version they read, one wins, the other reads
 * it expired and writes nothing, so each user expires once with one event. Batches follow
 * one another by id, so a sweep ends even when some users cannot be expired now (a user
 * changed by someone else twice during the sweep is left to the next one).
 */
@Injectable()
export class ExpireDueUsersUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly writer: UserWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ExpireDueUsersCommand): Promise<{ expired: number }> {
    const now = this.clock.now();
    let expired = 0;
    for (let after: string | null = null; ; ) {
      const due: User[] = await this.users.listDueForExpiry(now, after, command.batchSize);
      for (const user of due) if (await this.expire(user, now)) expired++;
      if (due.length < command.batchSize) return { expired };
      after = due[due.length - 1].id;
    }
  }

  private async expire(user: User, now: Date): Promise<boolean> {
    try {
      const written = await this.writer.change({ tenantId: user.tenantId, userId: user.id }, (current) =>
        expireIfDue(current, now),
      );
      return written.outcome === 'changed';
    } catch (error) {
      if (error instanceof ConcurrentModificationError || error instanceof UserNotFoundError) return false;
      throw error;
    }
  }
}
