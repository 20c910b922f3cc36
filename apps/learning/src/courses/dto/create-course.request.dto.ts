import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  COURSE_KINDS,
  ENROLLMENT_POLICIES,
  MAX_COURSE_DESCRIPTION_LENGTH,
  MAX_COURSE_TITLE_LENGTH,
  type CourseKind,
  type EnrollmentPolicy,
} from '../domain/course';
import { IsCourseGroupIds, IsMaterial, IsTrimmedText, type MaterialItemRequestDto } from './course-fields';

/** `POST /v1/courses` (LE-C1): a new draft, whose author is the caller. */
export class CreateCourseRequestDto {
  /**
   * 1 to 200 characters once trimmed.
   * @example "Negotiation basics"
   */
  @IsTrimmedText(MAX_COURSE_TITLE_LENGTH)
  title!: string;

  /**
   * 1 to 4000 characters once trimmed.
   * @example "Five short lessons on preparing and closing a negotiation."
   */
  @IsOptional()
  @IsTrimmedText(MAX_COURSE_DESCRIPTION_LENGTH)
  description?: string;

  /** E-learning, or instructor-led with sessions; chosen once. */
  @IsIn(COURSE_KINDS)
  kind!: CourseKind;

  /** How learners get in: at once (`free`, when absent) or once approved. */
  @IsOptional()
  @IsIn(ENROLLMENT_POLICIES)
  enrollmentPolicy?: EnrollmentPolicy;

  /** E-learning only: learners past the capacity are enrolled in overbooking. False when absent. */
  @IsOptional()
  @IsBoolean()
  overbookingAllowed?: boolean;

  /** The groups whose members see it in the catalog; absent or empty: every user of the tenant. */
  @IsOptional()
  @IsCourseGroupIds()
  groupIds?: string[];

  /** Its learning material, in order; absent: none yet. */
  @IsOptional()
  @IsMaterial()
  material?: MaterialItemRequestDto[];
}
