import { Inject, Injectable } from '@nestjs/common';
import type { OutboxEntry } from '@lms/messaging';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import type { NodeChange, OrganisationNode } from '../domain/organisation-node';
import { OrganisationUserUnknownError } from '../organisation.errors';
import { DerivedRoleRefresh } from './derived-role-refresh';
import { NodeWriter, type NodeRef } from './node-writes';

/** A person set on a node or taken off it: a manager of a unit or a team, a member of a team. */
export interface NodePersonCommand extends NodeRef {
  userId: string;
  change: 'add' | 'remove';
}

/**
 * ID-G3: what setting a person on a node, or taking one off, does around the change itself.
 * The node must exist, only a user of the tenant can be added (`ORGANISATION.USER_UNKNOWN`),
 * and once the node is written the person's derived roles follow (ID-R1).
 */
@Injectable()
export class NodePersonChange {
  constructor(
    private readonly writer: NodeWriter,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly roles: DerivedRoleRefresh,
  ) {}

  /** `decide` and `eventsOf` as {@link NodeWriter.change}; answers the node as it is now. */
  async apply(
    command: NodePersonCommand,
    decide: (node: OrganisationNode) => NodeChange,
    eventsOf: (node: OrganisationNode) => OutboxEntry[],
  ): Promise<OrganisationNode> {
    const { tenantId, userId, change } = command;
    // Refused inside the change, once the node is found: an unknown node answers first, and
    // the node is read once.
    const written = await this.writer.change(
      command,
      async (node) => {
        if (change === 'add' && !(await this.users.findById(tenantId, userId)))
          throw new OrganisationUserUnknownError(userId);
        return decide(node);
      },
      eventsOf,
    );
    await this.roles.refresh(tenantId, [userId]);
    return written.node;
  }
}
