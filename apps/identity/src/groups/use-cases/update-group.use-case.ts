import { Inject, Injectable } from '@nestjs/common';
import type { GroupConfidentiality } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import type { UserActor } from '../../users/domain/user-permissions';
import { editGroup, type Group } from '../domain/group';
import { GroupBeingDeletedError, GroupNotFoundError } from '../groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';
import { GroupAccess } from './group-access';
import { groupEvent } from './group-events';

export interface UpdateGroupCommand {
  actor: UserActor;
  groupId: string;
  name?: string;
  confidentiality?: GroupConfidentiality;
  /** The version the caller read (`If-Match`): another one refuses the change (412). */
  expectedVersion?: number;
}

/**
 * ID-G1, ID-G2: renames a group and/or changes its confidentiality, by a tenant administrator
 * or the group's admin; publishes `group.renamed` and `group.confidentiality-changed`, each
 * with the full state at its own version, nothing when nothing changes.
 */
@Injectable()
export class UpdateGroupUseCase {
  constructor(
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: UpdateGroupCommand): Promise<Group> {
    const { actor, groupId } = command;
    return withOptimisticRetry<Group>(async () => {
      const now = this.clock.now();
      const group = await this.groups.findById(actor.tenantId, groupId);
      if (!group) throw new GroupNotFoundError(groupId);
      await this.access.authorize(actor, 'edit', group);
      assertExpectedVersion(command.expectedVersion, group.version);
      const decision = editGroup(group, command, now);
      if (decision.outcome === 'being-deleted') throw new GroupBeingDeletedError(groupId);
      if (decision.changes.length === 0) return { outcome: 'written', value: group };
      const outbox = decision.changes.map((change) =>
        groupEvent(
          this.events,
          change.kind === 'renamed' ? 'group.renamed' : 'group.confidentiality-changed',
          change.state,
          now,
        ),
      );
      const outcome = await this.groups.update(decision.group, group.version, outbox);
      return outcome === 'written' ? { outcome, value: decision.group } : { outcome };
    });
  }
}
