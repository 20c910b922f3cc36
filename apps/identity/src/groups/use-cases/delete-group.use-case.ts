import { Inject, Injectable } from '@nestjs/common';
import { JobRunner, type JobQueue } from '@lms/jobs';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import {
  MEMBERSHIP_REPOSITORY,
  type MembershipRepository,
} from '../../memberships/ports/membership.repository';
import type { UserActor } from '../../users/domain/user-permissions';
import { startGroupDeletion, type Group } from '../domain/group';
import { groupDeletionJob } from '../group-deletion.job';
import { GroupNotFoundError } from '../groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';
import { GroupAccess } from './group-access';
import { groupEvent } from './group-events';

export interface DeleteGroupCommand {
  actor: UserActor;
  groupId: string;
}

/** `deleted`: the group had no member and is gone; `deleting`: its members are leaving it (a job). */
export interface DeleteGroupResult {
  outcome: 'deleted' | 'deleting';
  group: Group;
}

/**
 * ID-G1: deletes a group, by a tenant administrator. A group without active members is gone
 * at once (`group.deleted`). Otherwise the group becomes `deleting` (nobody joins it any more)
 * and a job (`GroupDeletionJob`) removes its members chunk by chunk, each with its
 * `membership.removed`, as `DELETE .../members/{userId}` would; the group is gone when the last
 * one has left. Asking again while it runs answers the deletion under way.
 */
@Injectable()
export class DeleteGroupUseCase {
  constructor(
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    private readonly access: GroupAccess,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DeleteGroupCommand): Promise<DeleteGroupResult> {
    const { actor, groupId } = command;
    const result = await withOptimisticRetry<DeleteGroupResult>(async () => {
      const now = this.clock.now();
      const group = await this.groups.findById(actor.tenantId, groupId);
      if (!group) throw new GroupNotFoundError(groupId);
      await this.access.authorize(actor, 'delete', group);
      const members = await this.memberships.listActive(actor.tenantId, groupId, {}, { limit: 1 });
      const decision = startGroupDeletion(group, members.items.length > 0, now);
      if (decision.outcome === 'already-deleting')
        return { outcome: 'written', value: { outcome: 'deleting', group } };
      const outbox =
        decision.outcome === 'deleted' ? [groupEvent(this.events, 'group.deleted', decision.group, now)] : [];
      const written = await this.groups.update(decision.group, group.version, outbox);
      return written === 'written'
        ? { outcome: written, value: { outcome: decision.outcome, group: decision.group } }
        : { outcome: written };
    });
    if (result.outcome === 'deleting') await this.jobs.enqueue(groupDeletionJob(result.group));
    return result;
  }
}
