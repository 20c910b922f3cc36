import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
} from 'class-validator';
import { PLATFORM_LEVELS, type PlatformLevel } from '@lms/contracts';
import { IsCustomFields } from './custom-fields.validator';
import { Trim } from '../../shared/trim.transform';
import { SUPPORTED_LOCALES, type Locale } from '../domain/user';

export class CreateUserRequestDto {
  @Trim() @IsString() @MaxLength(254) @IsEmail() email!: string;
  @Trim() @IsString() @Length(1, 100) firstName!: string;
  @Trim() @IsString() @Length(1, 100) lastName!: string;
  /** Lower-case language code; `en` when absent. */
  @IsOptional() @IsIn(SUPPORTED_LOCALES) locale?: Locale;
  /** IANA time zone, e.g. `Europe/Rome` (the default). */
  @IsOptional() @IsString() @IsTimeZone() timezone?: string;
  /** Free key/value pairs, compared exactly. */
  @IsOptional() @IsCustomFields() customFields?: Record<string, string>;
  /** Platform level; `user` when absent. */
  @IsOptional() @IsIn(PLATFORM_LEVELS) level?: PlatformLevel;
  /** When the account expires (ISO 8601); never when absent. */
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string;
  /** The user's password: 12 to 256 characters; without one the user cannot sign in yet. */
  @IsOptional() @IsString() @Length(12, 256) password?: string;
}
