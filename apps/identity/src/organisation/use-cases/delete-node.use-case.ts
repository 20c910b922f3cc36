import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, type Clock } from '@lms/kernel';
import { deleteNode, isUnit, peopleOf } from '../domain/organisation-node';
import { nodeEvent } from '../organisation-events';
import { UnitHasTeamsError } from '../organisation.errors';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';
import { DerivedRoleRefresh } from './derived-role-refresh';
import { NodeWriter, type NodeRef } from './node-writes';

export interface DeleteNodeCommand extends NodeRef {
  /** The version the caller read (`If-Match`): another one refuses the deletion (412). */
  expectedVersion?: number;
}

/**
 * ID-G3: deletes a team (its members and managers with it), or a unit that has no team left
 * (`UNIT.HAS_TEAMS` otherwise); publishes `team.deleted` or `unit.deleted`. Those who managed
 * or belonged to it then have their derived roles recomputed (ID-R1).
 */
@Injectable()
export class DeleteNodeUseCase {
  constructor(
    @Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository,
    private readonly writer: NodeWriter,
    private readonly roles: DerivedRoleRefresh,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DeleteNodeCommand): Promise<void> {
    const written = await this.writer.change(
      command,
      async (node) => {
        assertExpectedVersion(command.expectedVersion, node.version);
        if (isUnit(node) && (await this.nodes.hasTeams(node.tenantId, node.id)))
          throw new UnitHasTeamsError(node.id);
        return { outcome: 'changed', node: deleteNode(node, this.clock.now()) };
      },
      (node) => [nodeEvent(this.events, 'deleted', node)],
    );
    await this.roles.refresh(command.tenantId, peopleOf(written.node));
  }
}
