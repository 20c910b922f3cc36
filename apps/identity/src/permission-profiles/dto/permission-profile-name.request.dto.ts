import { MatchesPattern } from '@lms/service-kit';
import { IsString } from 'class-validator';
import { PERMISSION_PROFILE_NAME_PATTERN } from '../domain/permission-profile';

export class PermissionProfileNameParamsDto {
  /** 1 to 64 lower-case letters, digits, dashes or underscores, e.g. `sales-desk`. */
  @IsString() @MatchesPattern(PERMISSION_PROFILE_NAME_PATTERN) name!: string;
}
