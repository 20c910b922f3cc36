import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { addManager, removeManager, type OrganisationNode } from '../domain/organisation-node';
import { managerEvent } from '../organisation-events';
import { OrganisationUserUnknownError } from '../organisation.errors';
import { DerivedRoleRefresh } from './derived-role-refresh';
import { NodeWriter, type NodeRef } from './node-writes';

export interface ChangeNodeManagerCommand extends NodeRef {
  userId: string;
  change: 'add' | 'remove';
}

/**
 * ID-G3: sets or removes a manager of a unit or a team; publishes `*.manager-added` or
 * `*.manager-removed` with the node's new state, nothing when it changes nothing (setting a
 * manager twice, removing one who is not). The user's derived roles follow (ID-R1). Only a
 * user of the tenant can be set (`ORGANISATION.USER_UNKNOWN`).
 */
@Injectable()
export class ChangeNodeManagerUseCase {
  constructor(
    private readonly writer: NodeWriter,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly roles: DerivedRoleRefresh,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChangeNodeManagerCommand): Promise<OrganisationNode> {
    const { tenantId, userId, change } = command;
    await this.writer.find(command);
    if (change === 'add' && !(await this.users.findById(tenantId, userId)))
      throw new OrganisationUserUnknownError(userId);
    const written = await this.writer.change(
      command,
      (node) =>
        change === 'add'
          ? addManager(node, userId, this.clock.now())
          : removeManager(node, userId, this.clock.now()),
      (node) => [managerEvent(this.events, change === 'add' ? 'added' : 'removed', node, userId)],
    );
    await this.roles.refresh(tenantId, [userId]);
    return written.node;
  }
}
