import { IsOptional } from 'class-validator';
import { IsDay } from './assignment-fields';

/** `PATCH /v1/assignments/{id}` (CO-A4): an absent date is kept; `endDate: null` removes the end. */
export class EditAssignmentDatesRequestDto {
  @IsOptional()
  @IsDay()
  startDate?: string;

  @IsOptional()
  @IsDay()
  endDate?: string | null;
}
