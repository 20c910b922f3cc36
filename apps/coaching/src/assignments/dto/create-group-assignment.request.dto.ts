import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { IsDay } from './day';

/** Coaches per group assignment: a bound on the request size (security rules: size limits). */
export const MAX_COACHES = 50;

/** `POST /v1/group-assignments` (CO-A2). The tenant comes from the caller, never from here. */
export class CreateGroupAssignmentRequestDto {
  @IsUUID()
  groupId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUP_ROLES.length)
  @ArrayUnique()
  @IsIn(GROUP_ROLES, { each: true })
  roles!: GroupRole[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COACHES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coachIds!: string[];

  /** Defaults to today; may be in the past. */
  @IsOptional()
  @IsDay()
  startDate?: string;

  @IsOptional()
  @IsDay()
  endDate?: string | null;
}
