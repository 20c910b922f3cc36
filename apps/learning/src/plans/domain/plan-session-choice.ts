import type { CourseSession } from '../../courses/domain/course-session';

/**
 * LE-P1: the session of an instructor-led course a plan enrolls a learner in: the soonest one
 * that has not started at `now` (`sessions` soonest first); null when none is left. A full
 * session still takes the learner, as `waiting` for a seat (LE-E2).
 */
export function sessionForPlan(
  sessions: readonly Pick<CourseSession, 'id' | 'startsAt'>[],
  now: Date,
): string | null {
  return sessions.find((session) => session.startsAt.getTime() > now.getTime())?.id ?? null;
}
