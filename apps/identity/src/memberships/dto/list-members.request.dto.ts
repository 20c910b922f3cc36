import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { PageQueryDto } from '@lms/service-kit';
import { IsIn, IsOptional } from 'class-validator';

export class ListMembersQueryDto extends PageQueryDto {
  /** Only members with this role. */
  @IsOptional() @IsIn(GROUP_ROLES) role?: GroupRole;
}
