import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { MatchesPattern } from '@lms/service-kit';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '$property must be a day written YYYY-MM-DD';

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
  @MatchesPattern(DAY_PATTERN, { message: DAY_MESSAGE, required: false })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  startDate?: string;

  @IsOptional()
  @MatchesPattern(DAY_PATTERN, { message: DAY_MESSAGE, required: false })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  endDate?: string | null;
}
