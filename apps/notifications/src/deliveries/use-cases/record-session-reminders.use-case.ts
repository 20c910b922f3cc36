import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { reminderDecision } from '../../sessions/domain/scheduled-session';
import {
  SCHEDULED_SESSION_REPOSITORY,
  type ScheduledSessionRepository,
} from '../../sessions/ports/scheduled-session.repository';
import { audienceKey, NO_AUDIENCE, SessionAudiences } from '../../sessions/use-cases/session-audiences';
import { planSessionReminders } from '../domain/course-session-deliveries';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { SEND_SIGNAL, type SendSignal } from '../ports/send-signal';

/** Sessions looked at per read. */
export const REMINDER_BATCH = 200;

export interface SessionRemindersReport {
  /** Sessions whose learners were reminded. */
  sessions: number;
  /** Reminders recorded (or found recorded by an earlier run or another instance). */
  reminders: number;
  /** Sessions that had started already: marked, nobody reminded. */
  skipped: number;
}

/**
 * Reminds the learners attending a session, and its course's instructors, when it starts within `SESSION_REMINDER_LEAD_MS`
 * (NO-1): one delivery each, recorded for the sender pool, whose source is the session and its
 * start, so that several instances and re-runs record it once (NO-2) and a session moved to
 * another time reminds again. The session is then marked reminded of that start, by a
 * compare-and-set on the version read: a session changed meanwhile is looked at again.
 */
@Injectable()
export class RecordSessionRemindersUseCase {
  constructor(
    @Inject(SCHEDULED_SESSION_REPOSITORY) private readonly sessions: ScheduledSessionRepository,
    private readonly audiences: SessionAudiences,
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(SEND_SIGNAL) private readonly sender: SendSignal,
  ) {}

  async execute(): Promise<SessionRemindersReport> {
    const report: SessionRemindersReport = { sessions: 0, reminders: 0, skipped: 0 };
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.config.sessionReminders.leadMs);
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.sessions.dueForReminder(until, REMINDER_BATCH)).filter(
        (session) => !seen.has(`${session.tenantId}:${session.sessionId}:${session.version}`),
      );
      if (due.length === 0) return report;
      for (const session of due) seen.add(`${session.tenantId}:${session.sessionId}:${session.version}`);
      const remind = due.filter((session) => reminderDecision(session, now) === 'remind');
      const audiences = await this.audiences.of(remind);
      const planned = remind.flatMap((session) =>
        planSessionReminders(
          session.tenantId,
          session,
          audiences.get(audienceKey(session)) ?? NO_AUDIENCE,
          now,
        ),
      );
      const stored = await this.deliveries.ensureMany(planned);
      if (stored.some((delivery) => delivery.status === 'pending')) this.sender.wake();
      for (const session of due) await this.sessions.markReminded(session);
      report.sessions += remind.length;
      report.reminders += planned.length;
      report.skipped += due.length - remind.length;
    }
  }
}
