import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../shared/trim.transform';
import { SUPPORTED_LOCALES, type Locale } from '../domain/user';

export class CreateUserRequestDto {
  @Trim() @IsString() @MaxLength(254) @IsEmail() email!: string;
  @Trim() @IsString() @Length(1, 100) firstName!: string;
  @Trim() @IsString() @Length(1, 100) lastName!: string;
  /** Lower-case language code; `en` when absent. */
  @IsOptional() @IsIn(SUPPORTED_LOCALES) locale?: Locale;
  /** The user's password: 12 to 256 characters; without one the user cannot sign in yet. */
  @IsOptional() @IsString() @Length(12, 256) password?: string;
}
