import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../shared/trim.transform';

export class LogInRequestDto {
  /**
   * The tenant's id (its code).
   * @example "acme"
   */
  @Trim() @IsString() @Length(1, 100) tenant!: string;
  /**
   * Any case.
   * @example "ada@acme.example.com"
   */
  @Trim() @IsString() @IsNotEmpty() @MaxLength(254) email!: string;
  /** @example "correct horse battery staple" */
  @IsString() @Length(1, 256) password!: string;
}
