import type { GroupRole } from '@lms/contracts';
import { foldNewestState } from '@lms/kernel';

/**
 * What learning knows of one user's membership of one group, from identity's membership
 * events: enough to tell which groups' libraries the user sees in the catalog (LE-C1), and which
 * roles it holds there (a course's co-author holds `author` in a group, LE-C2).
 */
export interface GroupMembership {
  tenantId: string;
  groupId: string;
  userId: string;
  /** False once removed: the projection keeps the membership as a tombstone at its version. */
  active: boolean;
  /** The user's roles in the group (ID-G1); none once removed. A co-author needs `author` (LE-C2). */
  roles: GroupRole[];
  /** The membership aggregate's version last applied: older events are ignored (rule 2). */
  version: number;
  updatedAt: Date;
}

/** One membership event, as the projection applies it (every event carries the whole state). */
export type GroupMembershipChange = GroupMembership;

/** The natural key of a membership: also its document id in the projection. */
export function groupMembershipKey(m: Pick<GroupMembership, 'tenantId' | 'groupId' | 'userId'>): string {
  return `${m.tenantId}:${m.groupId}:${m.userId}`;
}

/**
 * The changes of ONE membership (a batch may hold several versions of it, in any order)
 * folded into the one write that brings the projection from `storedVersion` (null: not
 * projected yet) to the newest of them; `newer[i]` tells whether `changes[i]` took.
 */
export function foldMembershipChanges(
  storedVersion: number | null,
  changes: readonly GroupMembershipChange[],
): { newer: boolean[]; write: GroupMembershipChange | null } {
  return foldNewestState(storedVersion, changes);
}
