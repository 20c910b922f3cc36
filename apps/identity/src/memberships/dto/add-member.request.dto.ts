import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';

export class AddMemberRequestDto {
  @IsUUID() userId!: string;
  /** At least one role, each once. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(GROUP_ROLES, { each: true }) roles!: GroupRole[];
}
