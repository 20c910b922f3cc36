import { IsOptional } from 'class-validator';
import { IsTrimmedText, Present } from '../../courses/dto/course-fields';
import { MAX_PLAN_DESCRIPTION_LENGTH, MAX_PLAN_TITLE_LENGTH } from '../domain/plan';
import { IsPlanCourseIds } from './plan-fields';

/**
 * `PATCH /v1/plans/{id}` (LE-P1): an absent field is kept; `description: null` removes the
 * description; `courseIds` replaces the whole list (only while nobody is enrolled).
 */
export class EditPlanRequestDto {
  /**
   * 1 to 200 characters once trimmed.
   * @example "Sales onboarding"
   */
  @Present()
  @IsTrimmedText(MAX_PLAN_TITLE_LENGTH)
  title?: string;

  /**
   * 1 to 4000 characters once trimmed; null: none.
   * @example "The first three courses of every new salesperson."
   */
  @IsOptional()
  @IsTrimmedText(MAX_PLAN_DESCRIPTION_LENGTH)
  description?: string | null;

  /** Replaces its courses: 1 to 50 of the tenant's, each once. */
  @Present()
  @IsPlanCourseIds(false)
  courseIds?: string[];
}
