import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../shared/page.request.dto';

export class ListMembersQueryDto extends PageQueryDto {
  /** Only members with this role. */
  @IsOptional() @IsIn(GROUP_ROLES) role?: GroupRole;
}
