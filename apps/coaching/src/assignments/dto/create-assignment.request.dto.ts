import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { MAX_COACHES } from './create-group-assignment.request.dto';
import { IsDay } from './day';

/** `POST /v1/assignments` (CO-A1). The tenant comes from the caller, never from here. */
export class CreateAssignmentRequestDto {
  @IsUUID()
  menteeId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COACHES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
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
