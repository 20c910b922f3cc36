import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  EVALUATION_SCORE_MAX,
  EVALUATION_SCORE_MIN,
  MAX_COMMENT_LENGTH,
  MAX_SKILL_LENGTH,
} from '../domain/coaching-record';
import { IsTrimmedText } from './record-fields';

/** `POST /v1/evaluations` (CO-W3). The author is the caller, never from here. */
export class CreateEvaluationRequestDto {
  /** The user evaluated: a mentee the caller coaches now, or a user it manages. */
  @IsUUID()
  menteeId!: string;

  /**
   * The skill or title evaluated, 1 to 200 characters once trimmed.
   * @example "Handling objections"
   */
  @IsTrimmedText(MAX_SKILL_LENGTH)
  skill!: string;

  /** A whole number from 1 (lowest) to 5 (highest). */
  @IsInt()
  @Min(EVALUATION_SCORE_MIN)
  @Max(EVALUATION_SCORE_MAX)
  score!: number;

  /**
   * 1 to 2000 characters once trimmed.
   * @example "Listens first, then answers with the customer's own words."
   */
  @IsOptional()
  @IsTrimmedText(MAX_COMMENT_LENGTH)
  comment?: string;
}
