import { IsOptional, IsUUID } from 'class-validator';
import { type GroupRole } from '@lms/contracts';
import { IsGroupRoles } from '@lms/service-kit';
import { IsCoachIds, IsDay } from './assignment-fields';

/** `POST /v1/group-assignments` (CO-A2). The tenant comes from the caller, never from here. */
export class CreateGroupAssignmentRequestDto {
  @IsUUID()
  groupId!: string;

  @IsGroupRoles()
  roles!: GroupRole[];

  @IsCoachIds()
  coachIds!: string[];

  /** Defaults to today; may be in the past. */
  @IsOptional()
  @IsDay()
  startDate?: string;

  @IsOptional()
  @IsDay()
  endDate?: string | null;
}
