import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EnrollmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { LearnerEnrollmentChange } from './domain/learner-enrollment';
import { ApplyEnrollmentEventsUseCase } from './use-cases/apply-enrollment-events.use-case';

type EnrollmentEvents = typeof EnrollmentsStream.events;
type EnrollmentEvent =
  | EnvelopeOf<EnrollmentEvents, 'enrollment.created'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.state-changed'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.deleted'>;

/**
 * Kafka adapter: learning's enrollment events, in batches (rule 8), keep coaching's projection
 * of enrollments, so that a coach sees what became of the courses it recommended (CO-W4).
 */
@Controller()
export class EnrollmentEventsConsumer {
  constructor(private readonly applyEnrollmentEvents: ApplyEnrollmentEventsUseCase) {}

  @OnEventBatch(EnrollmentsStream, ['enrollment.created', 'enrollment.state-changed', 'enrollment.deleted'])
  async onEnrollmentEvents(@Payload() events: EnrollmentEvent[]): Promise<void> {
    await this.applyEnrollmentEvents.execute(events.map(toChange));
  }
}

/** Every enrollment event carries the enrollment's full state; a deletion its last one. */
function toChange(event: EnrollmentEvent): LearnerEnrollmentChange {
  const { enrollmentId, userId, courseId, state, updatedAt } = event.payload;
  return {
    tenantId: event.tenantId,
    enrollmentId,
    userId,
    courseId,
    state,
    live: event.type !== 'enrollment.deleted',
    version: event.aggregateVersion,
    updatedAt: new Date(updatedAt),
  };
}
