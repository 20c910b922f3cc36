import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TRANSFER_MODES, type TransferMode } from '../domain/assignment-lifecycle';
import { IsCoachIds } from './assignment-fields';

/** `POST /v1/assignments/{id}/transfer` and `/v1/group-assignments/{id}/transfer` (CO-A7). */
export class TransferRequestDto {
  /** The coaches from now on, in place of the current ones. */
  @IsCoachIds()
  coachIds!: string[];

  /**
   * `assignment_only` leaves the artifacts the mentee shared with the previous coaches where
   * they are; `reshare_artifacts` moves those shared during the assignment's window to
   * the new coaches, at the same permission (shares the previous coaches made stay). The
   * re-share follows the transfer within moments.
   */
  @ApiProperty({ enum: TRANSFER_MODES })
  @IsIn(TRANSFER_MODES)
  mode!: TransferMode;
}
