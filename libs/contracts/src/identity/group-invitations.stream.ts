import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
} from 'class-validator';
import { defineStream } from '../define-stream';
import { GROUP_ROLES, type GroupRole } from './group-memberships.stream';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * Full state of an invitation to a group (ID-G2): enough for a mail to the invited address
 * (`email`), naming the group and who invited. `userId` is the invited account when it was
 * invited by id; null when it was invited by address only.
 */
export class InvitationStateV1 {
  @IsUUID() invitationId!: string;
  @IsUUID() groupId!: string;
  @IsString() @Length(1, 200) groupName!: string;
  @IsEmail() email!: string;
  @IsOptional() @IsUUID() userId!: string | null;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(GROUP_ROLES, { each: true }) roles!: GroupRole[];
  @IsIn(INVITATION_STATUSES) status!: InvitationStatus;
  /** The account that invited; null for a caller without an account of its own. */
  @IsOptional() @IsString() invitedBy!: string | null;
  /** Reminders sent so far. */
  @IsInt() @Min(0) reminders!: number;
  @IsISO8601() createdAt!: string;
}

export class InvitationCreatedV1 extends InvitationStateV1 {}
export class InvitationRemindedV1 extends InvitationStateV1 {}
export class InvitationAcceptedV1 extends InvitationStateV1 {}
export class InvitationRevokedV1 extends InvitationStateV1 {}

export const GroupInvitationsStream = defineStream({
  topic: 'identity.group-invitations.v1',
  partitions: 3,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'invitation.created': InvitationCreatedV1,
    'invitation.reminded': InvitationRemindedV1,
    'invitation.accepted': InvitationAcceptedV1,
    'invitation.revoked': InvitationRevokedV1,
  },
});
