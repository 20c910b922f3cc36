/** The longest place and link of a session, in characters. */
export const MAX_SESSION_PLACE_LENGTH = 300;
export const MAX_SESSION_LINK_LENGTH = 2000;
/** The most seats one session offers. */
export const MAX_SESSION_CAPACITY = 10_000;

/** When, where and for how many a session of an instructor-led course is held (LE-C1). */
export interface SessionDetails {
  startsAt: Date;
  endsAt: Date;
  /** Where it is held in person; null: online only. */
  place: string | null;
  /** Where it is held online (http or https); null: in person only. */
  link: string | null;
  /** Seats: a whole number, at least 1. */
  capacity: number;
}

/** A session of an instructor-led (ILT) course. */
export interface CourseSession extends SessionDetails {
  id: string;
  tenantId: string;
  courseId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type SessionCheck = { ok: true; details: SessionDetails } | { ok: false; reason: string };

/**
 * LE-C1: a session starts before it ends, is held somewhere (a place, a link, or both) and
 * seats at least one. The details as kept (texts trimmed), or why they cannot be.
 */
export function checkSession(details: SessionDetails): SessionCheck {
  const { startsAt, endsAt, capacity } = details;
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    return { ok: false, reason: 'startsAt and endsAt are instants' };
  if (startsAt.getTime() >= endsAt.getTime()) return { ok: false, reason: 'startsAt is before endsAt' };
  const place = details.place?.trim() || null;
  const link = details.link?.trim() || null;
  if (place === null && link === null) return { ok: false, reason: 'a session has a place, a link, or both' };
  if (place !== null && place.length > MAX_SESSION_PLACE_LENGTH)
    return { ok: false, reason: `place holds at most ${MAX_SESSION_PLACE_LENGTH} characters` };
  if (link !== null && (!/^https?:\/\/\S+$/.test(link) || link.length > MAX_SESSION_LINK_LENGTH))
    return {
      ok: false,
      reason: `link is an http or https address of at most ${MAX_SESSION_LINK_LENGTH} characters`,
    };
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_SESSION_CAPACITY)
    return { ok: false, reason: `capacity is a whole number from 1 to ${MAX_SESSION_CAPACITY}` };
  return { ok: true, details: { startsAt, endsAt, place, link, capacity } };
}

/** A new session of a course, at version 1. */
export function newSession(
  input: { tenantId: string; courseId: string; details: SessionDetails },
  at: { id: string; now: Date },
): CourseSession {
  return {
    id: at.id,
    tenantId: input.tenantId,
    courseId: input.courseId,
    ...input.details,
    createdAt: at.now,
    updatedAt: at.now,
    version: 1,
  };
}

/** The details of `session` with the fields of `patch` replacing its own (absent ones kept). */
export function patchedSession(session: CourseSession, patch: Partial<SessionDetails>): SessionDetails {
  return {
    startsAt: patch.startsAt ?? session.startsAt,
    endsAt: patch.endsAt ?? session.endsAt,
    place: patch.place === undefined ? session.place : patch.place,
    link: patch.link === undefined ? session.link : patch.link,
    capacity: patch.capacity ?? session.capacity,
  };
}

/** Whether two sets of session details say the same. */
export function sameSession(a: SessionDetails, b: SessionDetails): boolean {
  return (
    a.startsAt.getTime() === b.startsAt.getTime() &&
    a.endsAt.getTime() === b.endsAt.getTime() &&
    a.place === b.place &&
    a.link === b.link &&
    a.capacity === b.capacity
  );
}

/** Whether the session moved from `a` to `b`: its time, its place or its link changed (not only its capacity). */
export function sessionMoved(a: SessionDetails, b: SessionDetails): boolean {
  return !sameSession(a, { ...b, capacity: a.capacity });
}

/** The session with new details, at its next version, updated `now`. */
export function editSession(session: CourseSession, details: SessionDetails, now: Date): CourseSession {
  return { ...session, ...details, updatedAt: now, version: session.version + 1 };
}

/** The session as cancelled for good `now`: its last state, at its next version. */
export function cancelSession(session: CourseSession, now: Date): CourseSession {
  return { ...session, updatedAt: now, version: session.version + 1 };
}
