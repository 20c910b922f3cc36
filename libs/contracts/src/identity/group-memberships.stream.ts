import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { defineStream } from '../define-stream';

/** Per-group roles (ID-G1): basic and advanced. */
export const GROUP_ROLES = [
  'learner',
  'author',
  'coach',
  'admin',
  'co_author',
  'reviewer',
  'manager',
] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Full state of a membership: who is in which group with which roles. */
export class MembershipStateV1 {
  @IsUUID() groupId!: string;
  @IsUUID() userId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(GROUP_ROLES, { each: true }) roles!: GroupRole[];
}

export class MembershipAddedV1 extends MembershipStateV1 {}
export class MembershipRolesChangedV1 extends MembershipStateV1 {}

export class MembershipRemovedV1 {
  @IsUUID() groupId!: string;
  @IsUUID() userId!: string;
}

/** The membership aggregate's id: one per (group, user) pair within a tenant. */
export function membershipAggregateId(groupId: string, userId: string): string {
  return `${groupId}:${userId}`;
}

export const GroupMembershipsStream = defineStream({
  topic: 'identity.group-memberships.v1',
  partitions: 12,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'membership.added': MembershipAddedV1,
    'membership.roles-changed': MembershipRolesChangedV1,
    'membership.removed': MembershipRemovedV1,
  },
});
