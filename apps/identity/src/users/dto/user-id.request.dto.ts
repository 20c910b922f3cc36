import { IsIn, IsUUID } from 'class-validator';
import { ADMIN_ROLES, type AdminRole } from '@lms/contracts';

export class UserIdParamsDto {
  @IsUUID() id!: string;
}

/** The `:id` and `:role` of a user's administrative role. */
export class AdminRoleParamsDto extends UserIdParamsDto {
  @IsIn(ADMIN_ROLES) role!: AdminRole;
}
