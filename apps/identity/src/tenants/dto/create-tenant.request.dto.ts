import { MatchesPattern } from '@lms/service-kit';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TENANT_CODE_PATTERN } from '@lms/contracts';
import { Trim } from '../../shared/trim.transform';

/** The tenant's first Application Administrator. */
export class TenantAdministratorRequestDto {
  @Trim() @IsString() @MaxLength(254) @IsEmail() email!: string;
  @Trim() @IsString() @Length(1, 100) firstName!: string;
  @Trim() @IsString() @Length(1, 100) lastName!: string;
  /** 12 to 256 characters. */
  @IsString() @Length(12, 256) password!: string;
}

export class CreateTenantRequestDto {
  /**
   * The tenant's id for ever: 3 to 32 lower-case letters, digits or dashes.
   * @example "acme"
   */
  @IsString() @MatchesPattern(TENANT_CODE_PATTERN) code!: string;
  /** @example "Acme Academy" */
  @Trim() @IsString() @Length(1, 200) name!: string;
  /** IANA time zone the tenant's days are counted in, e.g. `Europe/Rome`; `UTC` when absent. */
  @IsOptional() @IsString() @IsTimeZone() timezone?: string;
  @IsObject()
  @ValidateNested()
  @Type(() => TenantAdministratorRequestDto)
  administrator!: TenantAdministratorRequestDto;
}
