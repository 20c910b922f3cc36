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
import {
  SESSION_ATTENDANCE_REPOSITORY,
  type SessionAttendanceRepository,
} from '../../sessions/ports/session-attendance.repository';
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
 * reminders, and the learners attending a session that moved or was cancelled are mailed, once
 * each per event, with the old and the new time and place (NO-1, NO-2), recorded for the sender
 * pool ({@link MailRecorder}); an event older than the newest one handled for its session mails
 * nobody. Idempotent.
 */
@Injectable()
export class HandleCourseSessionEventsUseCase {
  constructor(
    @Inject(SCHEDULED_SESSION_REPOSITORY) private readonly sessions: ScheduledSessionRepository,
    @Inject(SESSION_ATTENDANCE_REPOSITORY) private readonly attendances: SessionAttendanceRepository,
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
    const attendees = await this.attendeesOf(mailed);
    const facts = mailed.map(
      (command): CourseSessionEventFacts => ({
        ...command,
        attendeeIds: attendees.get(`${command.tenantId}:${command.session.sessionId}`) ?? [],
      }),
    );
    return this.recorder.record(facts, {
      aggregateOf: (event) => event.session.sessionId,
      plan: planCourseSessionDeliveries,
    });
  }

  /** The attendees of the commands' sessions, by `tenantId:sessionId`: one read per tenant. */
  private async attendeesOf(commands: readonly CourseSessionEventCommand[]): Promise<Map<string, string[]>> {
    const byTenant = new Map<string, Set<string>>();
    for (const { tenantId, session } of commands)
      byTenant.set(tenantId, (byTenant.get(tenantId) ?? new Set<string>()).add(session.sessionId));
    const found = new Map<string, string[]>();
    for (const [tenantId, ids] of byTenant)
      for (const [sessionId, users] of await this.attendances.attendeesOf(tenantId, [...ids]))
        found.set(`${tenantId}:${sessionId}`, users);
    return found;
  }
}
