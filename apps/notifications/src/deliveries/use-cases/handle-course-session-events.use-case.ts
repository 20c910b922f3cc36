import { Inject, Injectable } from '@nestjs/common';
import type { SessionSlot, Delivery } from '../domain/delivery';
import {
  MAILED_COURSE_SESSION_EVENTS,
  planCourseSessionDeliveries,
  type CourseSessionEventFacts,
  type CourseSessionEventType,
  type SessionFacts,
} from '../domain/course-session-deliveries';
import {
  SCHEDULED_SESSION_REPOSITORY,
  type ScheduledSessionRepository,
} from '../../sessions/ports/scheduled-session.repository';
import { audienceKey, NO_AUDIENCE, SessionAudiences } from '../../sessions/use-cases/session-audiences';
import { MailRecorder } from './mail-recorder';

/** Every event of learning's sessions stream. */
export const COURSE_SESSION_EVENTS = [
  'course-session.scheduled',
  'course-session.rescheduled',
  'course-session.updated',
  'course-session.cancelled',
] as const;

/** One session event: its id, tenant, type, version, the session's state and, when it moved, its previous slot. */
export interface CourseSessionEventCommand {
  eventId: string;
  tenantId: string;
  type: (typeof COURSE_SESSION_EVENTS)[number];
  version: number;
  session: SessionFacts;
  previous: SessionSlot | null;
}

function isMailed(
  command: CourseSessionEventCommand,
): command is CourseSessionEventCommand & { type: CourseSessionEventType } {
  return (MAILED_COURSE_SESSION_EVENTS as readonly string[]).includes(command.type);
}

/**
 * Sessions changed (a batch of learning's sessions stream): the sessions are kept for their
 * reminders, and the learners attending a session that moved or was cancelled, and its course's instructors, are mailed, once
 * each per event, with the old and the new time and place (NO-1, NO-2), recorded for the sender
 * pool ({@link MailRecorder}); an event older than the newest one handled for its session mails
 * nobody. Idempotent.
 */
@Injectable()
export class HandleCourseSessionEventsUseCase {
  constructor(
    @Inject(SCHEDULED_SESSION_REPOSITORY) private readonly sessions: ScheduledSessionRepository,
    private readonly audiences: SessionAudiences,
    private readonly recorder: MailRecorder,
  ) {}

  async execute(commands: readonly CourseSessionEventCommand[]): Promise<Delivery[]> {
    await this.sessions.applyMany(
      commands.map((command) => ({
        tenantId: command.tenantId,
        ...command.session,
        cancelled: command.type === 'course-session.cancelled',
        version: command.version,
      })),
    );
    const mailed = commands.filter(isMailed);
    if (mailed.length === 0) return [];
    const audiences = await this.audiences.of(
      mailed.map(({ tenantId, session }) => ({
        tenantId,
        sessionId: session.sessionId,
        courseId: session.courseId,
      })),
    );
    const facts = mailed.map(
      (command): CourseSessionEventFacts => ({
        ...command,
        ...(audiences.get(
          audienceKey({ tenantId: command.tenantId, sessionId: command.session.sessionId }),
        ) ?? NO_AUDIENCE),
      }),
    );
    return this.recorder.record(facts, {
      aggregateOf: (event) => event.session.sessionId,
      plan: planCourseSessionDeliveries,
    });
  }
}
