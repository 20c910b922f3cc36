import { administersTenant } from '@lms/contracts';
import type { CoachingRecord } from './coaching-record';

/** Who asks: the tenant it acts in, its account, its platform level and administrative roles. */
export interface RecordActor {
  tenantId: string;
  /** Null only for a caller without an account, who writes nothing and reads as its kind allows. */
  userId: string | null;
  level: string;
  roles: readonly string[];
}

/** How the actor stands to the mentee a record is about. */
export interface MenteeRelation {
  /** One of the coaches of a current, active assignment of the mentee. */
  coaches: boolean;
  /** One of the mentee's managers (seed 002: the managers of its units and teams). */
  manages: boolean;
}

export const NO_RELATION: MenteeRelation = { coaches: false, manages: false };

/**
 * The refusals: `forbidden` for anyone with no say over the mentee; `administrator` for an
 * administrator with no say over it, who reads every record but writes none (seed 002).
 */
export type RecordRefusal = 'forbidden' | 'administrator';

export type RecordDecision = { allowed: true } | { allowed: false; refusal: RecordRefusal };

const ALLOWED: RecordDecision = { allowed: true };

/**
 * A System or Application Administrator, or a superadmin: reads every record of its tenant
 * (seed 002: full permissions in the quality tool, but for writing evaluations and sessions).
 */
export function isAdministrator(actor: RecordActor): boolean {
  return administersTenant(actor);
}

/**
 * CO-W3: a record about a mentee is created, edited and deleted by one of the mentee's coaches
 * now, or one of its managers, whoever wrote it first. Administrators read every record and
 * write none, even of a mentee they coach (seed 002: full permissions, except creating
 * evaluations or coaching sessions).
 */
export function decideWriting(actor: RecordActor, relation: MenteeRelation): RecordDecision {
  if (isAdministrator(actor)) return { allowed: false, refusal: 'administrator' };
  if (actor.userId !== null && (relation.coaches || relation.manages)) return ALLOWED;
  return { allowed: false, refusal: 'forbidden' };
}

/**
 * CO-W3: a record is read by an administrator, by the mentee it is about (an agent sees only
 * those about itself), by whoever wrote it, and by those who may write it now: the mentee's
 * coaches and managers. Decide with {@link NO_RELATION} first: the relation is looked up only
 * when nothing else allows reading.
 */
export function decideReading(
  actor: RecordActor,
  record: Pick<CoachingRecord, 'menteeId' | 'authorId'>,
  relation: MenteeRelation,
): RecordDecision {
  if (isAdministrator(actor)) return ALLOWED;
  const { userId } = actor;
  if (userId === null) return { allowed: false, refusal: 'forbidden' };
  if (record.menteeId === userId || record.authorId === userId) return ALLOWED;
  return relation.coaches || relation.manages ? ALLOWED : { allowed: false, refusal: 'forbidden' };
}

/** The filters a caller asks a list for; each narrows. */
export interface RequestedRecords {
  menteeId?: string;
  authorId?: string;
}

/**
 * What a list reads: records about `menteeId`, written by `authorId`, and, with `involving`,
 * about that user or written by it.
 */
export interface RecordScope {
  menteeId?: string;
  authorId?: string;
  involving?: string;
}

/** Whether listing needs the actor's relation to the requested mentee. */
export function listNeedsRelation(actor: RecordActor, requested: RequestedRecords): boolean {
  return (
    requested.menteeId !== undefined &&
    actor.userId !== null &&
    requested.menteeId !== actor.userId &&
    !isAdministrator(actor)
  );
}

/**
 * The part of the records a list reads, so that it shows only what {@link decideReading}
 * allows; null: nothing. An administrator lists every record of the tenant. Anyone else lists,
 * for one mentee it coaches or manages, or for itself, all the records about that mentee;
 * for any other mentee, those it wrote; without a mentee, those about itself and those it
 * wrote (a coach lists the records of its mentees one mentee at a time).
 */
export function listScope(
  actor: RecordActor,
  requested: RequestedRecords,
  relation: MenteeRelation,
): RecordScope | null {
  const { menteeId, authorId } = requested;
  if (isAdministrator(actor)) return { menteeId, authorId };
  const { userId } = actor;
  if (userId === null) return null;
  if (menteeId !== undefined) {
    if (menteeId === userId || relation.coaches || relation.manages) return { menteeId, authorId };
    return authorId === undefined || authorId === userId ? { menteeId, authorId: userId } : null;
  }
  if (authorId === undefined) return { involving: userId };
  return authorId === userId ? { authorId } : { menteeId: userId, authorId };
}
