import { IsOptional } from 'class-validator';
import { IsDay } from '../../assignments/dto/assignment-fields';
import { MAX_NOTES_LENGTH, MAX_OUTCOME_LENGTH } from '../domain/coaching-record';
import { IsTrimmedText } from './record-fields';

/** `PATCH /v1/coaching-sessions/{id}` (CO-W3): an absent field is kept; `outcome: null` removes the outcome. */
export class EditCoachingSessionRequestDto {
  /**
   * The day of the session.
   * @example "2025-03-14"
   */
  @IsOptional()
  @IsDay()
  date?: string;

  /**
   * 1 to 4000 characters once trimmed.
   * @example "Went through two recorded calls; practised the opening."
   */
  @IsOptional()
  @IsTrimmedText(MAX_NOTES_LENGTH)
  notes?: string;

  /**
   * 1 to 2000 characters once trimmed; null: not known.
   * @example "Uses the new opening on every call from next week."
   */
  @IsOptional()
  @IsTrimmedText(MAX_OUTCOME_LENGTH)
  outcome?: string | null;
}
