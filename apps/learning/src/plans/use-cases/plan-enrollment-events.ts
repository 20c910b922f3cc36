import { PlanEnrollmentsStream, type PlanEnrollmentStateV1 } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { PlanEnrollment } from '../domain/plan-enrollment';
import type { PlanState } from '../domain/plan-state';

/** What happened to a plan enrollment, as the plan-enrollments stream names it. */
export type PlanEnrollmentEventType = 'plan-enrollment.created' | 'plan-enrollment.state-changed';

/** The event of `type` with the plan enrollment's full state at its version, for its outbox. */
export function planEnrollmentEvent(
  events: EventFactory,
  type: PlanEnrollmentEventType,
  enrollment: PlanEnrollment,
  previousState: PlanState | null,
): OutboxEntry {
  const payload: PlanEnrollmentStateV1 = {
    planEnrollmentId: enrollment.id,
    planId: enrollment.planId,
    userId: enrollment.userId,
    state: enrollment.state,
    previousState,
    updatedAt: enrollment.updatedAt.toISOString(),
  };
  return events.create(PlanEnrollmentsStream, type, {
    tenantId: enrollment.tenantId,
    aggregateId: enrollment.id,
    aggregateVersion: enrollment.version,
    occurredAt: enrollment.updatedAt,
    payload,
  });
}
