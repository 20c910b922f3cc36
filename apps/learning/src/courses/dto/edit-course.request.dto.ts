import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  ENROLLMENT_POLICIES,
  MAX_COURSE_DESCRIPTION_LENGTH,
  MAX_COURSE_TITLE_LENGTH,
  type EnrollmentPolicy,
} from '../domain/course';
import {
  IsCourseGroupIds,
  IsMaterial,
  IsTrimmedText,
  Present,
  type MaterialItemRequestDto,
} from './course-fields';

/**
 * `PATCH /v1/courses/{id}` (LE-C1): an absent field is kept; `description: null` removes the
 * description; `groupIds` and `material` replace the whole list. The kind is never changed.
 */
export class EditCourseRequestDto {
  /**
   * 1 to 200 characters once trimmed.
   * @example "Negotiation basics"
   */
  @Present()
  @IsTrimmedText(MAX_COURSE_TITLE_LENGTH)
  title?: string;

  /**
   * 1 to 4000 characters once trimmed; null: none.
   * @example "Five short lessons on preparing and closing a negotiation."
   */
  @IsOptional()
  @IsTrimmedText(MAX_COURSE_DESCRIPTION_LENGTH)
  description?: string | null;

  @Present()
  @IsIn(ENROLLMENT_POLICIES)
  enrollmentPolicy?: EnrollmentPolicy;

  /** E-learning only. */
  @Present()
  @IsBoolean()
  overbookingAllowed?: boolean;

  /** Replaces the groups whose members see it in the catalog; empty: every user of the tenant. */
  @Present()
  @IsCourseGroupIds()
  groupIds?: string[];

  /** Replaces its learning material, in order (at most 100 items). */
  @Present()
  @IsMaterial()
  material?: MaterialItemRequestDto[];
}
