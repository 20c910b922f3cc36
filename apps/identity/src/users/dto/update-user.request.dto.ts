import { MatchesPattern } from '@lms/service-kit';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PLATFORM_LEVELS, type PlatformLevel } from '@lms/contracts';
import { PERMISSION_PROFILE_NAME_PATTERN } from '../../permission-profiles/domain/permission-profile';
import { Present } from '../../shared/present.validator';
import { Trim } from '../../shared/trim.transform';
import { SUPPORTED_LOCALES, type Locale } from '../domain/user';
import { MAX_SCOPE_GROUPS } from '../use-cases/user-access';
import { IsCustomFields } from './custom-fields.validator';

export class PowerUserScopeRequestDto {
  /** The groups whose members the power user manages. */
  @IsArray()
  @ArrayMaxSize(MAX_SCOPE_GROUPS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  groupIds!: string[];
}

/** Every field is optional: what is absent stays as it is. */
export class UpdateUserRequestDto {
  @Present() @Trim() @IsString() @Length(1, 100) firstName?: string;
  @Present() @Trim() @IsString() @Length(1, 100) lastName?: string;
  @Present() @IsIn(SUPPORTED_LOCALES) locale?: Locale;
  /** IANA time zone, e.g. `Europe/Rome`. */
  @Present() @IsString() @IsTimeZone() timezone?: string;
  /** Replaces every custom field: e.g. `{"COUNTRY": "UK"}`. */
  @Present() @IsCustomFields() customFields?: Record<string, string>;
  @Present() @IsIn(PLATFORM_LEVELS) level?: PlatformLevel;
  /** ISO 8601 instant; null: never. In the past, the account expires now. */
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string | null;
  /** 12 to 256 characters. */
  @Present() @IsString() @Length(12, 256) password?: string;
  /** A power user's scope (ID-U2); null: none. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PowerUserScopeRequestDto)
  powerUserScope?: PowerUserScopeRequestDto | null;
  /** The name of a permission profile of the tenant, for a power user (ID-U2); null: none. */
  @IsOptional()
  @Trim()
  @IsString()
  @MatchesPattern(PERMISSION_PROFILE_NAME_PATTERN, { required: false })
  permissionProfile?: string | null;
}
