/** What a node of the organisation is (ID-G3): a unit contains teams. */
export const NODE_KINDS = ['unit', 'team'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * A unit or a team of a tenant (ID-G3). Managers are set on either; members only on teams
 * (they are agents, ID-R1). A deleted node stays as a tombstone that nobody finds, so that its
 * events are published from the same document.
 */
export interface OrganisationNode {
  id: string;
  tenantId: string;
  kind: NodeKind;
  /** The unit a team belongs to; null for a unit. */
  unitId: string | null;
  name: string;
  /** Users who manage it, in the order they were set. */
  managerIds: string[];
  /** Users who are members of a team, in the order they were added; always empty for a unit. */
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
}

export type Unit = OrganisationNode & { kind: 'unit'; unitId: null };
export type Team = OrganisationNode & { kind: 'team'; unitId: string };

/** What a change decided: the node at its next version, or nothing to write. */
export type NodeChange = { outcome: 'changed'; node: OrganisationNode } | { outcome: 'unchanged' };

export function isUnit(node: OrganisationNode): node is Unit {
  return node.kind === 'unit';
}

export function isTeam(node: OrganisationNode): node is Team {
  return node.kind === 'team';
}

/** The unit a node stands in: itself for a unit, its unit for a team. */
export function unitIdOf(node: OrganisationNode): string {
  return node.unitId ?? node.id;
}

export function createUnit(input: { id: string; tenantId: string; name: string }, now: Date): Unit {
  return { ...fresh(input, now), kind: 'unit', unitId: null };
}

export function createTeam(
  input: { id: string; tenantId: string; unitId: string; name: string },
  now: Date,
): Team {
  return { ...fresh(input, now), kind: 'team', unitId: input.unitId };
}

/** A new name; the same name (after trimming) is no change. */
export function renameNode(node: OrganisationNode, name: string, now: Date): NodeChange {
  const trimmed = name.trim();
  return trimmed === node.name ? { outcome: 'unchanged' } : next(node, { name: trimmed }, now);
}

/** The user manages the node from now on; one who already does changes nothing. */
export function addManager(node: OrganisationNode, userId: string, now: Date): NodeChange {
  if (node.managerIds.includes(userId)) return { outcome: 'unchanged' };
  return next(node, { managerIds: [...node.managerIds, userId] }, now);
}

/** The user no longer manages the node; one who did not changes nothing. */
export function removeManager(node: OrganisationNode, userId: string, now: Date): NodeChange {
  if (!node.managerIds.includes(userId)) return { outcome: 'unchanged' };
  return next(node, { managerIds: node.managerIds.filter((id) => id !== userId) }, now);
}

/** The user becomes a member (an agent) of the team; one who already is changes nothing. */
export function addMember(team: Team, userId: string, now: Date): NodeChange {
  if (team.memberIds.includes(userId)) return { outcome: 'unchanged' };
  return next(team, { memberIds: [...team.memberIds, userId] }, now);
}

/** The user leaves the team; one who was not in it changes nothing. */
export function removeMember(team: Team, userId: string, now: Date): NodeChange {
  if (!team.memberIds.includes(userId)) return { outcome: 'unchanged' };
  return next(team, { memberIds: team.memberIds.filter((id) => id !== userId) }, now);
}

/** The node deleted: a tombstone at its next version, keeping who managed and belonged to it. */
export function deleteNode(node: OrganisationNode, now: Date): OrganisationNode {
  return { ...node, deletedAt: now, updatedAt: now, version: node.version + 1 };
}

/** Everyone whose derived roles (ID-R1) may depend on the node: its managers and members. */
export function peopleOf(node: OrganisationNode): string[] {
  return [...new Set([...node.managerIds, ...node.memberIds])];
}

function fresh(input: { id: string; tenantId: string; name: string }, now: Date) {
  return {
    id: input.id,
    tenantId: input.tenantId,
    name: input.name.trim(),
    managerIds: [],
    memberIds: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    version: 1,
  };
}

function next(node: OrganisationNode, fields: Partial<OrganisationNode>, now: Date): NodeChange {
  return { outcome: 'changed', node: { ...node, ...fields, updatedAt: now, version: node.version + 1 } };
}
