import { IsOptional } from 'class-validator';
import { IsTrimmedText } from '../../courses/dto/course-fields';
import { MAX_PLAN_DESCRIPTION_LENGTH, MAX_PLAN_TITLE_LENGTH } from '../domain/plan';
import { IsPlanCourseIds } from './plan-fields';

/** `POST /v1/plans` (LE-P1): a learning plan made of courses of the tenant. */
export class CreatePlanRequestDto {
  /**
   * 1 to 200 characters once trimmed.
   * @example "Sales onboarding"
   */
  @IsTrimmedText(MAX_PLAN_TITLE_LENGTH)
  title!: string;

  /**
   * 1 to 4000 characters once trimmed.
   * @example "The first three courses of every new salesperson."
   */
  @IsOptional()
  @IsTrimmedText(MAX_PLAN_DESCRIPTION_LENGTH)
  description?: string;

  /** Its courses, in the order the learner meets them: 1 to 50 of the tenant's, each once. */
  @IsPlanCourseIds(true)
  courseIds!: string[];
}
