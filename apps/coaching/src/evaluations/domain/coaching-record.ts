import { isCalendarDate, type CalendarDate } from '../../assignments/domain/calendar-date';

/** The bounded scale of an evaluation's score (CO-W3): a whole number from 1 to 5. */
export const EVALUATION_SCORE_MIN = 1;
export const EVALUATION_SCORE_MAX = 5;
/** The longest texts, in characters once trimmed. */
export const MAX_SKILL_LENGTH = 200;
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_NOTES_LENGTH = 4000;
export const MAX_OUTCOME_LENGTH = 2000;

/** An expertise evaluation: how the mentee stands on one skill, on the bounded scale. */
export interface EvaluationContent {
  /** The skill or title evaluated, trimmed. */
  skill: string;
  score: number;
  /** Trimmed; null: none. */
  comment: string | null;
}

/** A coaching session: the day it is held, what was worked on, and what came of it. */
export interface CoachingSessionContent {
  date: CalendarDate;
  /** Trimmed. */
  notes: string;
  /** Trimmed; null until known (a session ahead, or one whose outcome is not written yet). */
  outcome: string | null;
}

/** What each kind of record holds. */
export interface RecordContents {
  evaluation: EvaluationContent;
  coaching_session: CoachingSessionContent;
}

/** The kinds of records a coach or a manager keeps about a mentee (CO-W3). */
export type RecordKind = keyof RecordContents;
export const RECORD_KINDS = ['evaluation', 'coaching_session'] as const satisfies readonly RecordKind[];

/**
 * An evaluation or a coaching session (CO-W3): written about one mentee by one of its coaches
 * or its manager, kept until deleted for good.
 */
export interface CoachingRecord<K extends RecordKind = RecordKind> {
  id: string;
  tenantId: string;
  kind: K;
  /** Whom it is about. */
  menteeId: string;
  /** Who wrote it first. */
  authorId: string;
  content: RecordContents[K];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type Evaluation = CoachingRecord<'evaluation'>;
export type CoachingSession = CoachingRecord<'coaching_session'>;

/** The content as it is kept, or why it cannot be. */
export type ContentCheck<K extends RecordKind> =
  | { ok: true; content: RecordContents[K] }
  | { ok: false; reason: string };

/** A text trimmed, or null when nothing is left or it is longer than `max`. */
export function trimmedText(raw: string, max: number): string | null {
  const text = raw.trim();
  return text.length === 0 || text.length > max ? null : text;
}

function checkEvaluation(content: EvaluationContent): ContentCheck<'evaluation'> {
  const skill = trimmedText(content.skill, MAX_SKILL_LENGTH);
  if (skill === null)
    return { ok: false, reason: `skill holds 1 to ${MAX_SKILL_LENGTH} characters once trimmed` };
  const { score } = content;
  if (!Number.isInteger(score) || score < EVALUATION_SCORE_MIN || score > EVALUATION_SCORE_MAX)
    return {
      ok: false,
      reason: `score is a whole number from ${EVALUATION_SCORE_MIN} to ${EVALUATION_SCORE_MAX}`,
    };
  const comment = content.comment === null ? null : trimmedText(content.comment, MAX_COMMENT_LENGTH);
  if (content.comment !== null && comment === null)
    return {
      ok: false,
      reason: `comment holds 1 to ${MAX_COMMENT_LENGTH} characters once trimmed, or is null`,
    };
  return { ok: true, content: { skill, score, comment } };
}

function checkCoachingSession(content: CoachingSessionContent): ContentCheck<'coaching_session'> {
  if (!isCalendarDate(content.date)) return { ok: false, reason: 'date is not a day written YYYY-MM-DD' };
  const notes = trimmedText(content.notes, MAX_NOTES_LENGTH);
  if (notes === null)
    return { ok: false, reason: `notes hold 1 to ${MAX_NOTES_LENGTH} characters once trimmed` };
  const outcome = content.outcome === null ? null : trimmedText(content.outcome, MAX_OUTCOME_LENGTH);
  if (content.outcome !== null && outcome === null)
    return {
      ok: false,
      reason: `outcome holds 1 to ${MAX_OUTCOME_LENGTH} characters once trimmed, or is null`,
    };
  return { ok: true, content: { date: content.date, notes, outcome } };
}

const CHECKS: { [K in RecordKind]: (content: RecordContents[K]) => ContentCheck<K> } = {
  evaluation: checkEvaluation,
  coaching_session: checkCoachingSession,
};

/** The content of a record of `kind` as it is kept (texts trimmed), or why it is not valid. */
export function checkContent<K extends RecordKind>(kind: K, content: RecordContents[K]): ContentCheck<K> {
  return CHECKS[kind](content);
}

/** A new record, at version 1. */
export function newRecord<K extends RecordKind>(
  draft: Pick<CoachingRecord<K>, 'tenantId' | 'kind' | 'menteeId' | 'authorId' | 'content'>,
  context: { id: string; now: Date },
): CoachingRecord<K> {
  const { now } = context;
  return { id: context.id, ...draft, createdAt: now, updatedAt: now, version: 1 };
}

/** The content once the fields given in `patch` replace those of the record; absent ones are kept. */
export function patchedContent<K extends RecordKind>(
  record: CoachingRecord<K>,
  patch: Partial<RecordContents[K]>,
): RecordContents[K] {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...record.content, ...given };
}

/** Whether two contents of the same kind say the same. */
export function sameContent<K extends RecordKind>(a: RecordContents[K], b: RecordContents[K]): boolean {
  const left: Record<string, unknown> = { ...a };
  const right: Record<string, unknown> = { ...b };
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

/** The record with its new content, at its next version. */
export function editRecord<K extends RecordKind>(
  record: CoachingRecord<K>,
  content: RecordContents[K],
  now: Date,
): CoachingRecord<K> {
  return { ...record, content, updatedAt: now, version: record.version + 1 };
}
