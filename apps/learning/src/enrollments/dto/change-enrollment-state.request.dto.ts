import { IsIn } from 'class-validator';
import { ENROLLMENT_STATES, type EnrollmentState } from '../domain/enrollment';

/** `PATCH /v1/enrollments/{id}` (LE-E1): an administrator's change of state. */
export class ChangeEnrollmentStateRequestDto {
  /** Any state but the one held; `overbooking` for e-learning courses only. */
  @IsIn(ENROLLMENT_STATES)
  state!: EnrollmentState;
}
