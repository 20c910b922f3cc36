import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EnrollmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import {
  RefreshPlanStatesUseCase,
  type CourseEnrollmentTouched,
} from './use-cases/refresh-plan-states.use-case';

type EnrollmentEvents = typeof EnrollmentsStream.events;
type EnrollmentEvent =
  | EnvelopeOf<EnrollmentEvents, 'enrollment.created'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.state-changed'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.deleted'>;

/**
 * Kafka adapter: learning's own enrollment events, in batches (rule 8), keep the learners'
 * plan states derived from their courses (LE-P1). An event only says which learner and course
 * changed; the states are recomputed from the enrollments as they are.
 */
@Controller()
export class EnrollmentEventsConsumer {
  constructor(private readonly refreshPlanStates: RefreshPlanStatesUseCase) {}

  @OnEventBatch(EnrollmentsStream, ['enrollment.created', 'enrollment.state-changed', 'enrollment.deleted'])
  async onEnrollmentEvents(@Payload() events: EnrollmentEvent[]): Promise<void> {
    await this.refreshPlanStates.execute(events.map(toTouched));
  }
}

function toTouched(event: EnrollmentEvent): CourseEnrollmentTouched {
  return { tenantId: event.tenantId, userId: event.payload.userId, courseId: event.payload.courseId };
}
