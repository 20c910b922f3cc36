import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CourseSessionsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import {
  COURSE_SESSION_EVENTS,
  HandleCourseSessionEventsUseCase,
  type CourseSessionEventCommand,
} from './use-cases/handle-course-session-events.use-case';

type SessionEvents = typeof CourseSessionsStream.events;
type SessionEvent =
  | EnvelopeOf<SessionEvents, 'course-session.scheduled'>
  | EnvelopeOf<SessionEvents, 'course-session.rescheduled'>
  | EnvelopeOf<SessionEvents, 'course-session.updated'>
  | EnvelopeOf<SessionEvents, 'course-session.cancelled'>;

/** Kafka adapter: learning's sessions are kept for reminders and mail their learners when they move (NO-1), in batches (rule 8). */
@Controller()
export class CourseSessionEventsConsumer {
  constructor(private readonly handleSessionEvents: HandleCourseSessionEventsUseCase) {}

  @OnEventBatch(CourseSessionsStream, [...COURSE_SESSION_EVENTS])
  async onSessionEvents(@Payload() events: SessionEvent[]): Promise<void> {
    await this.handleSessionEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: SessionEvent): CourseSessionEventCommand {
  const { payload } = event;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    session: {
      sessionId: payload.sessionId,
      courseId: payload.courseId,
      courseTitle: payload.courseTitle,
      startsAt: new Date(payload.startsAt),
      endsAt: new Date(payload.endsAt),
      place: payload.place ?? null,
      link: payload.link ?? null,
    },
    previous:
      event.type === 'course-session.rescheduled'
        ? {
            startsAt: new Date(event.payload.previousStartsAt),
            endsAt: new Date(event.payload.previousEndsAt),
            place: event.payload.previousPlace ?? null,
            link: event.payload.previousLink ?? null,
          }
        : null,
  };
}
