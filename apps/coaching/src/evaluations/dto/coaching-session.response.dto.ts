import type { CoachingSession } from '../domain/coaching-record';

/** A coaching session as the API shows it (CO-W3). */
export class CoachingSessionResponseDto {
  id!: string;
  /** The user coached. */
  menteeId!: string;
  /** Who wrote it first: a coach or a manager of the mentee. */
  authorId!: string;
  /** The day of the session, `YYYY-MM-DD`. */
  date!: string;
  notes!: string;
  /** Null until known. */
  outcome!: string | null;
  createdAt!: string;
  updatedAt!: string;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(session: CoachingSession): CoachingSessionResponseDto {
    return {
      id: session.id,
      menteeId: session.menteeId,
      authorId: session.authorId,
      date: session.content.date,
      notes: session.content.notes,
      outcome: session.content.outcome,
      createdAt: session.createdAt.toISOString(),
      updatedAt: session.updatedAt.toISOString(),
      version: session.version,
    };
  }
}
