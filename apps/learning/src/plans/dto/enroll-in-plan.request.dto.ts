import { IsUUID } from 'class-validator';

/** `POST /v1/plans/{id}/enrollments` (LE-P1): a learner enrolled in the plan and its courses. */
export class EnrollInPlanRequestDto {
  /** The learner, anyone of the tenant. */
  @IsUUID()
  userId!: string;
}
