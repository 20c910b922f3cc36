import { IsOptional, IsUUID } from 'class-validator';
import { IsCoachIds, IsDay } from './assignment-fields';

/** `POST /v1/assignments` (CO-A1). The tenant comes from the caller, never from here. */
export class CreateAssignmentRequestDto {
  @IsUUID()
  menteeId!: string;

  @IsCoachIds()
  coachIds!: string[];

  /** Defaults to today; may be in the past; a later day schedules the assignment until then. */
  @IsOptional()
  @IsDay()
  startDate?: string;

  /** The last day coached; none: open-ended. */
  @IsOptional()
  @IsDay()
  endDate?: string | null;

  /** The mentee's group the assignment is filed under, when it was chosen through one. */
  @IsOptional()
  @IsUUID()
  groupId?: string;
}
