import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';

export class ChangeMemberRolesRequestDto {
  /** The member's new roles: at least one, each once. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(GROUP_ROLES, { each: true }) roles!: GroupRole[];
}
