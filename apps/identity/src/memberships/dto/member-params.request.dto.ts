import { IsUUID } from 'class-validator';

/** The `:groupId` of the members routes (`GroupIdParamsDto` names it `:id` on the group's own route). */
export class GroupMembersParamsDto {
  @IsUUID() groupId!: string;
}

/** The `:groupId` and `:userId` of one member's routes. */
export class MemberParamsDto extends GroupMembersParamsDto {
  @IsUUID() userId!: string;
}
