import { Injectable } from '@nestjs/common';
import { LastAdministratorError } from '../../admin-roles/admin-roles.errors';
import { ConcurrentModificationError } from '../../shared/optimistic-concurrency';
import type { UserActor } from '../domain/user-permissions';
import {
  OwnStateError,
  PeerRequiredError,
  UserExpiredError,
  UserForbiddenError,
  UserNotFoundError,
} from '../users.errors';
import { ChangeUserStateUseCase, type StateAction } from './change-user-state.use-case';

/** Ids of one bulk change, at most (ID-U5). */
export const MAX_BULK_STATE_USERS = 1_000;

/** Users changed at once within a bulk change. */
const AT_ONCE = 8;

export type BulkStateOutcome =
  | 'changed'
  | 'unchanged'
  | 'not_found'
  | 'forbidden'
  | 'own_state'
  | 'last_admin'
  | 'expired';

export interface BulkStateResult {
  userId: string;
  outcome: BulkStateOutcome;
}

export interface BulkChangeUserStateCommand {
  actor: UserActor;
  userIds: readonly string[];
  action: StateAction;
}

/** The outcome a refusal of one user's change stands for; anything else is no refusal. */
function refusalOf(error: unknown): BulkStateOutcome | null {
  if (error instanceof UserNotFoundError) return 'not_found';
  if (error instanceof UserForbiddenError || error instanceof PeerRequiredError) return 'forbidden';
  if (error instanceof OwnStateError) return 'own_state';
  if (error instanceof LastAdministratorError) return 'last_admin';
  if (error instanceof UserExpiredError) return 'expired';
  return null;
}

/**
 * ID-U5: activates or deactivates up to {@link MAX_BULK_STATE_USERS} users, each as the
 * single change would (the same rules, one compare-and-set each), and tells what became of
 * each id. An id given twice is changed once; a user that lost a race with another writer
 * twice is tried once more after the rest.
 */
@Injectable()
export class BulkChangeUserStateUseCase {
  constructor(private readonly changeState: ChangeUserStateUseCase) {}

  async execute(command: BulkChangeUserStateCommand): Promise<BulkStateResult[]> {
    const userIds = [...new Set(command.userIds)];
    const outcomes = new Map<string, BulkStateOutcome>();
    const raced: string[] = [];
    for (let at = 0; at < userIds.length; at += AT_ONCE) {
      await Promise.all(
        userIds.slice(at, at + AT_ONCE).map(async (userId) => {
          const outcome = await this.changeOne(command, userId, true);
          if (outcome === null) raced.push(userId);
          else outcomes.set(userId, outcome);
        }),
      );
    }
    for (const userId of raced)
      outcomes.set(userId, (await this.changeOne(command, userId, false)) ?? 'unchanged');
    return userIds.map((userId) => ({ userId, outcome: outcomes.get(userId) ?? 'unchanged' }));
  }

  /** The user's outcome; null when it lost a race and `retryLater`. */
  private async changeOne(
    command: BulkChangeUserStateCommand,
    userId: string,
    retryLater: boolean,
  ): Promise<BulkStateOutcome | null> {
    try {
      return (await this.changeState.execute({ actor: command.actor, userId, action: command.action }))
        .outcome;
    } catch (error) {
      if (retryLater && error instanceof ConcurrentModificationError) return null;
      const refusal = refusalOf(error);
      if (refusal === null) throw error;
      return refusal;
    }
  }
}
