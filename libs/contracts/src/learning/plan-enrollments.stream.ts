import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * The states of a learner in a learning plan (LE-P1, seed 004), derived from its enrollments in
 * the plan's courses: `enrolled` (nothing started), `in_progress` and `completed`.
 */
export const PLAN_STATES = ['enrolled', 'in_progress', 'completed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/**
 * Full state of a learner's enrollment in a plan (event-carried state transfer). The aggregate
 * is the plan enrollment (`aggregateId` = its id).
 */
export class PlanEnrollmentStateV1 {
  @IsUUID() planEnrollmentId!: string;
  @IsString() @Length(1, 100) planId!: string;
  @IsUUID() userId!: string;
  @IsIn(PLAN_STATES) state!: PlanState;
  /** The state before the change the event carries; null for a new plan enrollment. */
  @IsOptional() @IsIn(PLAN_STATES) previousState!: PlanState | null;
  /** ISO 8601 instant of the change the event carries. */
  @IsISO8601() updatedAt!: string;
}

/** A learner was enrolled in a plan (LE-P1): its first state. */
export class PlanEnrollmentCreatedV1 extends PlanEnrollmentStateV1 {}
/** The plan's state changed with the learner's enrollments in its courses. */
export class PlanEnrollmentStateChangedV1 extends PlanEnrollmentStateV1 {}

export const PlanEnrollmentsStream = defineStream({
  topic: 'learning.plan-enrollments.v1',
  partitions: 6,
  compacted: true,
  owner: 'learning',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'plan-enrollment.created': PlanEnrollmentCreatedV1,
    'plan-enrollment.state-changed': PlanEnrollmentStateChangedV1,
  },
});
