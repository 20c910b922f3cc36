import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ConcurrentModificationError } from '@lms/kernel';
import { LastAdministratorError } from '../../admin-roles/admin-roles.errors';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config';
import {
  nextChunk,
  recordChunk,
  type BulkStateChange,
  type BulkStateOutcome,
  type BulkStateResult,
} from '../domain/bulk-state-change';
import {
  BULK_STATE_CHANGE_REPOSITORY,
  type BulkStateChangeRepository,
} from '../ports/bulk-state-change.repository';
import {
  OwnStateError,
  PeerRequiredError,
  UserExpiredError,
  UserForbiddenError,
  UserNotFoundError,
} from '../users.errors';
import { ChangeUserStateUseCase } from './change-user-state.use-case';

/** Users changed at once within a chunk. */
const AT_ONCE = 8;

export interface RunBulkStateChangeCommand {
  tenantId: string;
  bulkStateChangeId: string;
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
 * ID-U5: a bulk state change started by `StartBulkStateChangeUseCase`, run as a job
 * (`BulkStateChangeJob`), one chunk at a time, on whichever instance holds the job's lease.
 * Each chunk changes the next ids after the results saved so far, each as the single change
 * would (the same rules, with the rights the actor had when it asked, one compare-and-set
 * each), then saves their results by a compare-and-set on the change's version. A chunk run
 * twice changes no user twice (a user already in the state asked is `unchanged`) and saves its
 * results once: the run that loses the race saves nothing and reads again. A user changed by
 * a run that died before saving reads `unchanged` in the results of the run that follows.
 */
@Injectable()
export class RunBulkStateChangeUseCase {
  constructor(
    @Inject(BULK_STATE_CHANGE_REPOSITORY) private readonly changes: BulkStateChangeRepository,
    private readonly changeState: ChangeUserStateUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Runs every chunk until the change is finished (scripts and tests; the service runs it as a job). */
  async execute(command: RunBulkStateChangeCommand): Promise<void> {
    for (let more = true; more; ) more = (await this.runChunk(command)).more;
  }

  async runChunk(command: RunBulkStateChangeCommand): Promise<{ more: boolean }> {
    const change = await this.changes.findById(command.tenantId, command.bulkStateChangeId);
    if (!change || change.state === 'finished') return { more: false };
    const results = await this.changeEach(change, nextChunk(change, this.config.users.bulkStateChunkSize));
    const recorded = recordChunk(change, results, this.clock.now());
    // Stale: another run saved this chunk meanwhile; the next call reads where it got to.
    if ((await this.changes.update(recorded, change.version)) === 'stale') return { more: true };
    return { more: recorded.state === 'running' };
  }

  /** What became of each id; a user that lost a race with another writer twice is tried once more after the rest. */
  private async changeEach(change: BulkStateChange, userIds: readonly string[]): Promise<BulkStateResult[]> {
    const outcomes = new Map<string, BulkStateOutcome>();
    const raced: string[] = [];
    for (let at = 0; at < userIds.length; at += AT_ONCE) {
      await Promise.all(
        userIds.slice(at, at + AT_ONCE).map(async (userId) => {
          const outcome = await this.changeOne(change, userId, true);
          if (outcome === null) raced.push(userId);
          else outcomes.set(userId, outcome);
        }),
      );
    }
    for (const userId of raced)
      outcomes.set(userId, (await this.changeOne(change, userId, false)) ?? 'unchanged');
    return userIds.map((userId) => ({ userId, outcome: outcomes.get(userId) ?? 'unchanged' }));
  }

  /** The user's outcome; null when it lost a race and `retryLater`. */
  private async changeOne(
    change: BulkStateChange,
    userId: string,
    retryLater: boolean,
  ): Promise<BulkStateOutcome | null> {
    try {
      return (await this.changeState.execute({ actor: change.actor, userId, action: change.action })).outcome;
    } catch (error) {
      if (retryLater && error instanceof ConcurrentModificationError) return null;
      const refusal = refusalOf(error);
      if (refusal === null) throw error;
      return refusal;
    }
  }
}
