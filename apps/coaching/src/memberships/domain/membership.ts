import type { GroupRole } from '@lms/contracts';

export const MEMBERSHIP_STATUSES = ['active', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** What coaching knows of one user's membership of one group (a projection of identity's events). */
export interface Membership {
  tenantId: string;
  groupId: string;
  userId: string;
  roles: GroupRole[];
  status: MembershipStatus;
  /** The membership aggregate's version last applied: older events are ignored. */
  version: number;
  /** When the member last took on its current roles (the event's time): added or roles changed. */
  rolesSince: string;
  updatedAt: string;
}

/** One membership event, as the projection applies it. */
export interface MembershipChange {
  tenantId: string;
  groupId: string;
  userId: string;
  status: MembershipStatus;
  /** The new roles; null for a removal, which keeps the last known roles. */
  roles: GroupRole[] | null;
  version: number;
  occurredAt: string;
}
