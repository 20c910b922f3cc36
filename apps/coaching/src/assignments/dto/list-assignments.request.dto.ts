import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  ASSIGNMENT_ORIGINS,
  ASSIGNMENT_STATUSES,
  type AssignmentOrigin,
  type AssignmentStatus,
} from '@lms/contracts';
import { PageQueryDto } from '@lms/service-kit';

/** `GET /v1/assignments` filters. */
export class ListAssignmentsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  menteeId?: string;

  @IsOptional()
  @IsUUID()
  coachId?: string;

  @IsOptional()
  @IsUUID()
  groupAssignmentId?: string;

  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  /** `true`: only active ones; `false`: only deactivated ones (CO-A5). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  /** Individual ones (CO-A1) or those derived from a group assignment (CO-A2). */
  @IsOptional()
  @IsIn(ASSIGNMENT_ORIGINS)
  origin?: AssignmentOrigin;
}
