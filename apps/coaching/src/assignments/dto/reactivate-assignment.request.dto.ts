import { IsOptional } from 'class-validator';
import { IsDay } from './assignment-fields';

/** `POST /v1/assignments/{id}/reactivate` (CO-A8). */
export class ReactivateAssignmentRequestDto {
  /** The new start date: today when absent. */
  @IsOptional()
  @IsDay()
  startDate?: string;
}
