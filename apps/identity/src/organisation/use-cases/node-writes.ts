import { Inject, Injectable } from '@nestjs/common';
import type { OutboxEntry } from '@lms/messaging';
import { withOptimisticRetry } from '@lms/kernel';
import { isTeam, isUnit, type NodeChange, type OrganisationNode } from '../domain/organisation-node';
import { TeamNotFoundError, UnitNotFoundError } from '../organisation.errors';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';

/** A unit (`teamId` absent) or one of its teams, in a tenant, as the routes name them. */
export interface NodeRef {
  tenantId: string;
  unitId: string;
  teamId?: string;
}

/** What a change of a node came to: the node as it is now. */
export interface WrittenNode {
  outcome: 'changed' | 'unchanged';
  node: OrganisationNode;
}

/**
 * Reads and changes units and teams: a team is found only under its own unit, another
 * tenant's node is missing (`UNIT.NOT_FOUND`, `TEAM.NOT_FOUND`).
 */
@Injectable()
export class NodeWriter {
  constructor(@Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository) {}

  async find(ref: NodeRef): Promise<OrganisationNode> {
    const unit = await this.nodes.findById(ref.tenantId, ref.unitId);
    if (!unit || !isUnit(unit)) throw new UnitNotFoundError(ref.unitId);
    if (ref.teamId === undefined) return unit;
    const team = await this.nodes.findById(ref.tenantId, ref.teamId);
    if (!team || !isTeam(team) || team.unitId !== unit.id) throw new TeamNotFoundError(unit.id, ref.teamId);
    return team;
  }

  /**
   * A read-decide-write of the node: `decide` sees the stored node (and may refuse by
   * throwing), then a compare-and-set on the version read with the events `eventsOf` makes of
   * the new state, in the same write (rule 1). A concurrent writer's win means reading and
   * deciding again.
   */
  change(
    ref: NodeRef,
    decide: (node: OrganisationNode) => NodeChange | Promise<NodeChange>,
    eventsOf: (node: OrganisationNode) => OutboxEntry[],
  ): Promise<WrittenNode> {
    return withOptimisticRetry<WrittenNode>(async () => {
      const node = await this.find(ref);
      const decision = await decide(node);
      if (decision.outcome === 'unchanged')
        return { outcome: 'written', value: { outcome: 'unchanged', node } };
      const written = decision.node;
      const outcome = await this.nodes.update(written, node.version, eventsOf(written));
      return outcome === 'written' ? { outcome, value: { outcome: 'changed', node: written } } : { outcome };
    });
  }
}
