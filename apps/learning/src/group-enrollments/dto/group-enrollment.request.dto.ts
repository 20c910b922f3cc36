import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { type GroupRole } from '@lms/contracts';
import { IsGroupRoles, PageQueryDto } from '@lms/service-kit';
import { GROUP_ENROLLMENT_STATUSES, type GroupEnrollmentStatus } from '../domain/group-enrollment';

/** `POST /v1/group-enrollments` (LE-G1): exactly one of `courseId` and `planId`. */
export class CreateGroupEnrollmentRequestDto {
  @IsUUID()
  groupId!: string;

  @IsOptional()
  @IsUUID()
  courseId?: string;

  /** The session of an instructor-led course (required there); never with a plan. */
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @IsOptional()
  @IsUUID()
  planId?: string;

  /** The roles whose holders are enrolled; `["learner"]` when absent. */
  @IsOptional()
  @IsGroupRoles()
  roles?: GroupRole[];
}

/** `GET /v1/group-enrollments` (LE-G1): newest first; each filter narrows. */
export class ListGroupEnrollmentsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @IsOptional()
  @IsUUID()
  courseId?: string;

  @IsOptional()
  @IsUUID()
  planId?: string;

  @IsOptional()
  @IsIn(GROUP_ENROLLMENT_STATUSES)
  status?: GroupEnrollmentStatus;
}

/** The `:id` of a group enrollment's route. */
export class GroupEnrollmentIdParamsDto {
  @IsUUID()
  id!: string;
}
