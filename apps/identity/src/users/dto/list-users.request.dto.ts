import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PLATFORM_LEVELS, USER_STATES, type PlatformLevel, type UserState } from '@lms/contracts';
import { PageQueryDto } from '@lms/service-kit';

export class ListUsersQueryDto extends PageQueryDto {
  /** Exact email, any case. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(254) email?: string;
  @IsOptional() @IsIn(USER_STATES) state?: UserState;
  @IsOptional() @IsIn(PLATFORM_LEVELS) level?: PlatformLevel;
  /** The start of the email, the first or the last name, any case. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) text?: string;
  /** `key:value`: users whose custom field `key` is exactly `value` (`COUNTRY:UK`). */
  @IsOptional() @IsString() @Matches(/^[^.:$][^.:]{0,63}:[\s\S]{1,256}$/) customField?: string;
}
