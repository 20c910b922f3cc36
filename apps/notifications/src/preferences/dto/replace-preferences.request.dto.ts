import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { MAIL_CATEGORIES, type MailCategory } from '../domain/mail-preferences';

/** `PUT /v1/me/preferences` (NO-4): the whole set of categories the caller does not want mailed. */
export class ReplacePreferencesRequestDto {
  /**
   * The categories opted out of, by the type of the event that causes the mail, e.g.
   * `["assignment.expiring"]`; empty: every mail is wanted. A category named twice counts once.
   */
  @ApiProperty({ enum: MAIL_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(50)
  @IsIn(MAIL_CATEGORIES, { each: true })
  optedOut!: MailCategory[];
}
