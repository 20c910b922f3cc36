import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  EVALUATION_SCORE_MAX,
  EVALUATION_SCORE_MIN,
  MAX_COMMENT_LENGTH,
  MAX_SKILL_LENGTH,
} from '../domain/coaching-record';
import { IsTrimmedText } from './record-fields';

/** `PATCH /v1/evaluations/{id}` (CO-W3): an absent field is kept; `comment: null` removes the comment. */
export class EditEvaluationRequestDto {
  /**
   * 1 to 200 characters once trimmed.
   * @example "Handling objections"
   */
  @IsOptional()
  @IsTrimmedText(MAX_SKILL_LENGTH)
  skill?: string;

  /** A whole number from 1 (lowest) to 5 (highest). */
  @IsOptional()
  @IsInt()
  @Min(EVALUATION_SCORE_MIN)
  @Max(EVALUATION_SCORE_MAX)
  score?: number;

  /**
   * 1 to 2000 characters once trimmed; null: none.
   * @example "Much better with pricing questions since March."
   */
  @IsOptional()
  @IsTrimmedText(MAX_COMMENT_LENGTH)
  comment?: string | null;
}
