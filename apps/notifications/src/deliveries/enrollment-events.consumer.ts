import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EnrollmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { ProjectSessionAttendanceUseCase } from '../sessions/use-cases/project-session-attendance.use-case';
import type { AttendanceChange } from '../sessions/domain/session-attendance';
import { MAILED_ENROLLMENT_EVENTS } from './domain/enrollment-deliveries';
import {
  HandleEnrollmentEventsUseCase,
  type EnrollmentEventCommand,
} from './use-cases/handle-enrollment-events.use-case';

type EnrollmentEvents = typeof EnrollmentsStream.events;
type EnrollmentEvent =
  | EnvelopeOf<EnrollmentEvents, 'enrollment.created'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.state-changed'>
  | EnvelopeOf<EnrollmentEvents, 'enrollment.deleted'>;
type MailedEnrollmentEvent = Exclude<EnrollmentEvent, EnvelopeOf<EnrollmentEvents, 'enrollment.deleted'>>;

/**
 * Kafka adapter: learning's enrollments mail their learner (NO-1) and say who attends which
 * session (for the mails about sessions), in batches (rule 8).
 */
@Controller()
export class EnrollmentEventsConsumer {
  constructor(
    private readonly handleEnrollmentEvents: HandleEnrollmentEventsUseCase,
    private readonly projectAttendance: ProjectSessionAttendanceUseCase,
  ) {}

  @OnEventBatch(EnrollmentsStream, [...MAILED_ENROLLMENT_EVENTS, 'enrollment.deleted'])
  async onEnrollmentEvents(@Payload() events: EnrollmentEvent[]): Promise<void> {
    await this.projectAttendance.execute(events.map(toAttendanceChange));
    const mailed = events.filter(isMailed);
    if (mailed.length > 0) await this.handleEnrollmentEvents.execute(mailed.map(toCommand));
  }
}

function isMailed(event: EnrollmentEvent): event is MailedEnrollmentEvent {
  return event.type !== 'enrollment.deleted';
}

function toAttendanceChange(event: EnrollmentEvent): AttendanceChange {
  const { payload } = event;
  return {
    tenantId: event.tenantId,
    enrollmentId: payload.enrollmentId,
    sessionId: payload.sessionId ?? null,
    userId: payload.userId,
    state: payload.state,
    unenrolled: event.type === 'enrollment.deleted',
    version: event.aggregateVersion,
  };
}

function toCommand(event: MailedEnrollmentEvent): EnrollmentEventCommand {
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
