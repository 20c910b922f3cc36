import { IsUUID } from 'class-validator';

/** The `:groupId` of a group's invitations routes. */
export class GroupInvitationsParamsDto {
  @IsUUID() groupId!: string;
}

export class InvitationIdParamsDto {
  @IsUUID() id!: string;
}
