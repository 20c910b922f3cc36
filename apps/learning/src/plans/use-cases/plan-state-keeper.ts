import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import type { EnrollmentState } from '../../enrollments/domain/enrollment';
import {
  ENROLLMENT_REPOSITORY,
  type EnrollmentRepository,
} from '../../enrollments/ports/enrollment.repository';
import { withPlanState, type PlanEnrollment } from '../domain/plan-enrollment';
import { planStateOf } from '../domain/plan-state';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { planEnrollmentEvent } from './plan-enrollment-events';

/**
 * Tries of one recomputation. Each lost compare-and-set means another writer recomputed the
 * same plan enrollment from newer enrollments; the next try reads them again.
 */
const MAX_ATTEMPTS = 5;

/** Which learner's enrollment in which plan. */
export interface PlanEnrollmentKey {
  tenantId: string;
  planId: string;
  userId: string;
}

/**
 * LE-P1: keeps a learner's plan state derived from its enrollments in the plan's courses. The
 * state is always recomputed from the enrollments as they are now (never from an event's
 * payload), so that a redelivered, older or out-of-order event recomputes the same state and
 * writes nothing; a change is written by compare-and-set with its
 * `plan-enrollment.state-changed` event (rule 1).
 */
@Injectable()
export class PlanStateKeeper {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The learner's live enrollment state in each of `courseIds` it is enrolled in. */
  async courseStatesOf(
    tenantId: string,
    userId: string,
    courseIds: readonly string[],
  ): Promise<Map<string, EnrollmentState>> {
    // One read per course on the `enrollment_live_key` unique index (a plan has at most 50).
    const found = await Promise.all(
      courseIds.map((courseId) => this.enrollments.findOf(tenantId, courseId, userId)),
    );
    const states = new Map<string, EnrollmentState>();
    for (const enrollment of found) if (enrollment) states.set(enrollment.courseId, enrollment.state);
    return states;
  }

  /** Recomputes one plan enrollment's state; null when the learner is not enrolled in the plan. */
  refresh(key: PlanEnrollmentKey): Promise<PlanEnrollment | null> {
    return withOptimisticRetry<PlanEnrollment | null>(async () => {
      const current = await this.planEnrollments.findOf(key.tenantId, key.planId, key.userId);
      if (!current) return { outcome: 'written', value: null };
      const states = await this.courseStatesOf(key.tenantId, key.userId, current.courseIds);
      const state = planStateOf([...states.values()]);
      if (state === current.state) return { outcome: 'written', value: current };
      const changed = withPlanState(current, state, this.clock.now());
      const outbox = [
        planEnrollmentEvent(this.events, 'plan-enrollment.state-changed', changed, current.state),
      ];
      if (
        !(await this.planEnrollments.save(key.tenantId, { planEnrollment: changed, outbox }, current.version))
      )
        return { outcome: 'stale' };
      return { outcome: 'written', value: changed };
    }, MAX_ATTEMPTS);
  }
}
