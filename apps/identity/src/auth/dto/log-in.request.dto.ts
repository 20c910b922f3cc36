import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

export class LogInRequestDto {
  /** The tenant's id (its code, e.g. `1000`). */
  @Trim() @IsString() @Length(1, 100) tenant!: string;
  /** Any case. */
  @Trim() @IsString() @IsNotEmpty() @MaxLength(254) email!: string;
  @IsString() @Length(1, 256) password!: string;
}
