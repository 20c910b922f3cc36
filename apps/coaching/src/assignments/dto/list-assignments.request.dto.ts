import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@lms/contracts';
import { PageRequestDto } from './page.request.dto';

/** `GET /v1/assignments` filters. */
export class ListAssignmentsRequestDto extends PageRequestDto {
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
