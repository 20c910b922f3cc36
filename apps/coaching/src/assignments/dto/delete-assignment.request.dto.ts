import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `DELETE /v1/assignments/{id}?confirm=DELETE` (CO-A9). */
export class DeleteAssignmentQueryDto {
  /** Must be the word `DELETE`: deletion removes the assignment and its history for good. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  confirm?: string;
}
