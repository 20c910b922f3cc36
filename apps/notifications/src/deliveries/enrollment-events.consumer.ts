import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EnrollmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { MAILED_ENROLLMENT_EVENTS } from './domain/enrollment-deliveries';
import {
  HandleEnrollmentEventsUseCase,
  type EnrollmentEventCommand,
} from './use-cases/handle-enrollment-events.use-case';

type EnrollmentEvents = typeof EnrollmentsStream.events;
type EnrollmentEvent =
  | EnvelopeOf<EnrollmentEvents, 'enrollment.created'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.state-changed'>;

/** Kafka adapter: learning's enrollments mail their learner (NO-1), in batches (rule 8). */
@Controller()
export class EnrollmentEventsConsumer {
  constructor(private readonly handleEnrollmentEvents: HandleEnrollmentEventsUseCase) {}

  @OnEventBatch(EnrollmentsStream, [...MAILED_ENROLLMENT_EVENTS])
  async onEnrollmentEvents(@Payload() events: EnrollmentEvent[]): Promise<void> {
    await this.handleEnrollmentEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: EnrollmentEvent): EnrollmentEventCommand {
  const { payload } = event;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    enrollment: {
      enrollmentId: payload.enrollmentId,
      courseId: payload.courseId,
      courseTitle: payload.courseTitle ?? null,
      userId: payload.userId,
      sessionId: payload.sessionId ?? null,
      state: payload.state,
      previousState: payload.previousState ?? null,
    },
  };
}
