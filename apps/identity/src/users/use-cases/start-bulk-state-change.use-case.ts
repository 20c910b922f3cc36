import { Inject, Injectable } from '@nestjs/common';
import { JobRunner } from '@lms/jobs';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import type { JobQueue } from '@lms/jobs';
import { bulkStateChangeJob } from '../bulk-state-change.job';
import { startBulkStateChange, type BulkStateChange } from '../domain/bulk-state-change';
import type { StateAction } from '../domain/user-lifecycle';
import type { UserActor } from '../domain/user-permissions';
import {
  BULK_STATE_CHANGE_REPOSITORY,
  type BulkStateChangeRepository,
} from '../ports/bulk-state-change.repository';

export interface StartBulkStateChangeCommand {
  actor: UserActor;
  userIds: readonly string[];
  action: StateAction;
}

/**
 * ID-U5: activates or deactivates up to `MAX_BULK_STATE_USERS` users, later (rule 6): stores
 * the change, running, with the actor as it asks, and enqueues its job, which
 * `RunBulkStateChangeUseCase` runs chunk by chunk; each id is decided then, as its single
 * change would be. Should the enqueue be lost, the job's `findUnfinished` finds the change.
 */
@Injectable()
export class StartBulkStateChangeUseCase {
  constructor(
    @Inject(BULK_STATE_CHANGE_REPOSITORY) private readonly changes: BulkStateChangeRepository,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: StartBulkStateChangeCommand): Promise<BulkStateChange> {
    const now = this.clock.now();
    const change = startBulkStateChange(
      { id: newId(now), actor: command.actor, action: command.action, userIds: command.userIds },
      now,
    );
    await this.changes.insert(change);
    await this.jobs.enqueue(bulkStateChangeJob(change));
    return change;
  }
}
