import { Inject, Injectable } from '@nestjs/common';
import { GroupsStream, type GroupConfidentiality } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock } from '@lms/kernel';
import { createGroup, type Group } from '../domain/group';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';

export interface CreateGroupCommand {
  tenantId: string;
  name: string;
  confidentiality?: GroupConfidentiality;
}

/** ID-G1: creates a group and publishes `group.created`. */
@Injectable()
export class CreateGroupUseCase {
  constructor(
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateGroupCommand): Promise<Group> {
    const now = this.clock.now();
    const group = createGroup({ ...command, id: newId(now) }, now);
    const created = this.events.create(GroupsStream, 'group.created', {
      tenantId: group.tenantId,
      aggregateId: group.id,
      aggregateVersion: group.version,
      occurredAt: now,
      payload: { groupId: group.id, name: group.name, confidentiality: group.confidentiality },
    });
    await this.groups.insert(group, [created]);
    return group;
  }
}
