import type { PlanEnrollment } from '../domain/plan-enrollment';
import type { PlanState } from '../domain/plan-state';

/** A learner's enrollment in a plan (LE-P1), with the state derived from its courses. */
export class PlanEnrollmentResponseDto {
  id!: string;
  planId!: string;
  userId!: string;
  /** `enrolled` (nothing started), `in_progress` or `completed` (seed 004). */
  state!: PlanState;
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(enrollment: PlanEnrollment): PlanEnrollmentResponseDto {
    return {
      id: enrollment.id,
      planId: enrollment.planId,
      userId: enrollment.userId,
      state: enrollment.state,
      createdAt: enrollment.createdAt.toISOString(),
      updatedAt: enrollment.updatedAt.toISOString(),
      version: enrollment.version,
    };
  }
}
