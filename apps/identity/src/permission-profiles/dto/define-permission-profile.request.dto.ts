import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

/** A bound well above the catalogue, so that an unknown right is named rather than cut off. */
const MAX_RIGHTS = 50;

export class DefinePermissionProfileRequestDto {
  /** Rights of the catalogue, each once, e.g. `["users.read", "users.change_state"]`; may be empty. */
  @IsArray()
  @ArrayMaxSize(MAX_RIGHTS)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  rights!: string[];
  /** What the profile is for; absent or null: none. */
  @IsOptional() @Trim() @IsString() @Length(1, 500) description?: string | null;
}
