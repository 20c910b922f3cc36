import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@lms/contracts';
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
}
