import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../assignments/dto/assignment-fields';
import { MAX_NOTES_LENGTH, MAX_OUTCOME_LENGTH } from '../domain/coaching-record';
import { IsTrimmedText } from './record-fields';

/** `POST /v1/coaching-sessions` (CO-W3). The author is the caller, never from here. */
export class CreateCoachingSessionRequestDto {
  /** The user coached: a mentee the caller coaches now, or a user it manages. */
  @IsUUID()
  menteeId!: string;

  /**
   * The day of the session, past or ahead.
   * @example "2025-03-14"
   */
  @ApiProperty({ required: true })
  @IsDay()
  date!: string;

  /**
   * What was or will be worked on, 1 to 4000 characters once trimmed.
   * @example "Went through two recorded calls; practised the opening."
   */
  @IsTrimmedText(MAX_NOTES_LENGTH)
  notes!: string;

  /**
   * What came of it, 1 to 2000 characters once trimmed; absent until known.
   * @example "Uses the new opening on every call from next week."
   */
  @IsOptional()
  @IsTrimmedText(MAX_OUTCOME_LENGTH)
  outcome?: string;
}
