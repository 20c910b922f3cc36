import { IsString, IsTimeZone, Length } from 'class-validator';
import { Present } from '../../shared/present.validator';
import { Trim } from '../../shared/trim.transform';

/** Every field is optional: what is absent stays as it is. */
export class UpdateTenantRequestDto {
  @Present() @Trim() @IsString() @Length(1, 200) name?: string;
  /** IANA time zone the tenant's days are counted in, e.g. `Europe/Rome`. */
  @Present() @IsString() @IsTimeZone() timezone?: string;
}
