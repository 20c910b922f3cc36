import { managerRelationAggregateId, OrganisationStream } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { ManagerRelation } from './domain/manager-relation';
import { isTeam, unitIdOf, type OrganisationNode } from './domain/organisation-node';

/** What happened to a unit or a team as a whole. */
export type NodeLifecycle = 'created' | 'updated' | 'deleted';

/** `unit.*` or `team.*` with the node's full state: created, renamed, deleted. */
export function nodeEvent(events: EventFactory, what: NodeLifecycle, node: OrganisationNode): OutboxEntry {
  return isTeam(node)
    ? events.create(OrganisationStream, `team.${what}` as const, {
        ...headerOf(node),
        payload: teamState(node),
      })
    : events.create(OrganisationStream, `unit.${what}` as const, {
        ...headerOf(node),
        payload: unitState(node),
      });
}

/** `unit.manager-*` or `team.manager-*`: the user, and the node's new full state. */
export function managerEvent(
  events: EventFactory,
  change: 'added' | 'removed',
  node: OrganisationNode,
  userId: string,
): OutboxEntry {
  return isTeam(node)
    ? events.create(OrganisationStream, `team.manager-${change}` as const, {
        ...headerOf(node),
        payload: { ...teamState(node), userId },
      })
    : events.create(OrganisationStream, `unit.manager-${change}` as const, {
        ...headerOf(node),
        payload: { ...unitState(node), userId },
      });
}

/** `team.member-*`: the user joined or left the team. */
export function memberEvent(
  events: EventFactory,
  change: 'added' | 'removed',
  team: OrganisationNode,
  userId: string,
): OutboxEntry {
  return events.create(OrganisationStream, `team.member-${change}` as const, {
    ...headerOf(team),
    payload: { unitId: unitIdOf(team), teamId: team.id, userId },
  });
}

/** `manager.managee-*` (ID-G4), keyed by the pair. */
export function manageeEvent(
  events: EventFactory,
  change: 'added' | 'removed',
  relation: ManagerRelation,
): OutboxEntry {
  return events.create(OrganisationStream, `manager.managee-${change}` as const, {
    tenantId: relation.tenantId,
    aggregateId: managerRelationAggregateId(relation.managerId, relation.manageeId),
    aggregateVersion: relation.version,
    occurredAt: relation.updatedAt,
    payload: { managerId: relation.managerId, manageeId: relation.manageeId },
  });
}

function headerOf(node: OrganisationNode) {
  return {
    tenantId: node.tenantId,
    aggregateId: node.id,
    aggregateVersion: node.version,
    occurredAt: node.updatedAt,
  };
}

function unitState(node: OrganisationNode) {
  return { unitId: node.id, name: node.name, managerIds: [...node.managerIds] };
}

function teamState(node: OrganisationNode) {
  return { teamId: node.id, unitId: unitIdOf(node), name: node.name, managerIds: [...node.managerIds] };
}
