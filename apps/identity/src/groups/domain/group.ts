import type { GroupConfidentiality } from '@lms/contracts';

export const DEFAULT_CONFIDENTIALITY: GroupConfidentiality = 'private';

/**
 * `active`: in use; `deleting`: its members are leaving it, one `membership.removed` each,
 * and nobody joins it any more; `deleted`: gone (kept as a tombstone until its events are out,
 * found by nobody).
 */
export const GROUP_STATUSES = ['active', 'deleting', 'deleted'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** How far the deletion of a group got. */
export interface GroupDeletion {
  requestedAt: Date;
  /** Members removed by the deletion so far. */
  membersRemoved: number;
}

export interface Group {
  id: string;
  tenantId: string;
  name: string;
  confidentiality: GroupConfidentiality;
  status: GroupStatus;
  /** Null unless the group is being deleted or deleted. */
  deletion: GroupDeletion | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface NewGroup {
  id: string;
  tenantId: string;
  name: string;
  confidentiality?: GroupConfidentiality;
}

/** ID-G1: a group is private unless said otherwise. */
export function createGroup(input: NewGroup, now: Date): Group {
  return {
    id: input.id,
    tenantId: input.tenantId,
    name: input.name.trim(),
    confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY,
    status: 'active',
    deletion: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export interface GroupChanges {
  name?: string;
  confidentiality?: GroupConfidentiality;
}

/** One change of a group, with the state right after it: each is one event and one version. */
export interface GroupChange {
  kind: 'renamed' | 'confidentiality-changed';
  state: Group;
}

export type EditGroupDecision =
  | { outcome: 'edited'; group: Group; changes: GroupChange[] }
  | { outcome: 'being-deleted' };

/**
 * ID-G1: renames a group and/or changes its confidentiality. Each actual change takes the
 * next version (a rename, then a confidentiality change), so that each event carries its own
 * version and the full state; the same values change nothing.
 */
export function editGroup(group: Group, requested: GroupChanges, now: Date): EditGroupDecision {
  if (group.status !== 'active') return { outcome: 'being-deleted' };
  const changes: GroupChange[] = [];
  let state = group;
  const name = requested.name?.trim();
  if (name !== undefined && name !== state.name) {
    state = { ...state, name, updatedAt: now, version: state.version + 1 };
    changes.push({ kind: 'renamed', state });
  }
  if (requested.confidentiality !== undefined && requested.confidentiality !== state.confidentiality) {
    state = {
      ...state,
      confidentiality: requested.confidentiality,
      updatedAt: now,
      version: state.version + 1,
    };
    changes.push({ kind: 'confidentiality-changed', state });
  }
  return { outcome: 'edited', group: state, changes };
}

export type DeleteGroupDecision =
  | { outcome: 'deleted'; group: Group }
  | { outcome: 'deleting'; group: Group }
  | { outcome: 'already-deleting'; group: Group };

/**
 * ID-G1: a group without members is gone at once; one with members starts its deletion: its
 * members leave it first, chunk by chunk, and it is gone when the last one has left.
 */
export function startGroupDeletion(group: Group, hasMembers: boolean, now: Date): DeleteGroupDecision {
  if (group.status === 'deleting') return { outcome: 'already-deleting', group };
  const deletion: GroupDeletion = { requestedAt: now, membersRemoved: 0 };
  if (!hasMembers) return { outcome: 'deleted', group: finishGroupDeletion({ ...group, deletion }, now) };
  return {
    outcome: 'deleting',
    group: { ...group, status: 'deleting', deletion, updatedAt: now, version: group.version + 1 },
  };
}

/** Counts members removed by one chunk of a deletion. */
export function recordMembersRemoved(group: Group, removed: number, now: Date): Group {
  const deletion = group.deletion ?? { requestedAt: now, membersRemoved: 0 };
  return {
    ...group,
    deletion: { ...deletion, membersRemoved: deletion.membersRemoved + removed },
    updatedAt: now,
    version: group.version + 1,
  };
}

/** The group once its last member has left. */
export function finishGroupDeletion(group: Group, now: Date): Group {
  return { ...group, status: 'deleted', updatedAt: now, version: group.version + 1 };
}
