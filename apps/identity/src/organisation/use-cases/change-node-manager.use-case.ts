import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { addManager, removeManager, type OrganisationNode } from '../domain/organisation-node';
import { managerEvent } from '../organisation-events';
import { NodePersonChange, type NodePersonCommand } from './node-person-change';

export type ChangeNodeManagerCommand = NodePersonCommand;

/**
 * ID-G3: sets or removes a manager of a unit or a team; publishes `*.manager-added` or
 * `*.manager-removed` with the node's new state, nothing when it changes nothing (setting a
 * manager twice, removing one who is not). The user's derived roles follow (ID-R1). Only a
 * user of the tenant can be set (`ORGANISATION.USER_UNKNOWN`).
 */
@Injectable()
export class ChangeNodeManagerUseCase {
  constructor(
    private readonly people: NodePersonChange,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ChangeNodeManagerCommand): Promise<OrganisationNode> {
    const { userId, change } = command;
    return this.people.apply(
      command,
      (node) =>
        change === 'add'
          ? addManager(node, userId, this.clock.now())
          : removeManager(node, userId, this.clock.now()),
      (node) => [managerEvent(this.events, change === 'add' ? 'added' : 'removed', node, userId)],
    );
  }
}
