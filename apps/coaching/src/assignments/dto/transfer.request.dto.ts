import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCoachIds } from './assignment-fields';

/**
 * How a transfer treats the artifacts the mentee shared with the previous coaches (CO-A7):
 * `assignment_only` moves the assignment and leaves the shares as they are. Re-sharing the
 * artifacts comes with the artifacts themselves (CO-W2).
 */
export const TRANSFER_MODES = ['assignment_only'] as const;

/** `POST /v1/assignments/{id}/transfer` and `/v1/group-assignments/{id}/transfer` (CO-A7). */
export class TransferRequestDto {
  /** The coaches from now on, in place of the current ones. */
  @IsCoachIds()
  coachIds!: string[];

  @ApiProperty({ enum: TRANSFER_MODES })
  @IsIn(TRANSFER_MODES)
  mode!: (typeof TRANSFER_MODES)[number];
}
