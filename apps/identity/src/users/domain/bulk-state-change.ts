import { BULK_STATES, nextBulkChunk, recordBulkChunk, type BulkProgress, type BulkState } from '@lms/kernel';
import type { StateAction } from './user-lifecycle';
import { managesEveryUser, type UserActor } from './user-permissions';

/** Ids of one bulk change, at most (ID-U5). */
export const MAX_BULK_STATE_USERS = 1_000;

/**
 * What became of one id: `changed`, `unchanged`, or the refusal its single change would have
 * met: `not_found`, `forbidden` (not the actor's to change, or an administrator of a higher
 * kind), `own_state`, `last_admin`, `expired` (restored only by its expiry).
 */
export const BULK_STATE_OUTCOMES = [
  'changed',
  'unchanged',
  'not_found',
  'forbidden',
  'own_state',
  'last_admin',
  'expired',
] as const;
export type BulkStateOutcome = (typeof BULK_STATE_OUTCOMES)[number];

export interface BulkStateResult {
  userId: string;
  outcome: BulkStateOutcome;
}

/** `running` until every id has its result, then `finished`. */
export const BULK_STATE_CHANGE_STATES = BULK_STATES;
export type BulkStateChangeState = BulkState;

/**
 * ID-U5: one request to activate or deactivate many users, run as a job chunk by chunk. The
 * results are its progress: one per id done, in the order of `userIds`, so the next chunk
 * starts at `results.length`.
 */
export interface BulkStateChange extends BulkProgress<BulkStateResult> {
  id: string;
  tenantId: string;
  /** Who asked, as its access token told when it asked: every chunk acts with these rights. */
  actor: UserActor;
  action: StateAction;
  /** The ids to change, each once, in the order first given. */
  userIds: string[];
  createdAt: Date;
}

/** A new bulk change of the actor's tenant: an id given twice is changed once. */
export function startBulkStateChange(
  input: { id: string; actor: UserActor; action: StateAction; userIds: readonly string[] },
  now: Date,
): BulkStateChange {
  const { id, actor, action } = input;
  return {
    id,
    tenantId: actor.tenantId,
    actor: { tenantId: actor.tenantId, userId: actor.userId, level: actor.level, roles: [...actor.roles] },
    action,
    userIds: [...new Set(input.userIds)],
    results: [],
    state: 'running',
    createdAt: now,
    finishedAt: null,
    version: 1,
  };
}

/** The ids of the next chunk: up to `size` after the last one done; none once finished. */
export function nextChunk(change: BulkStateChange, size: number): string[] {
  return nextBulkChunk(change.userIds, change, size);
}

/** The change with a chunk's results recorded, at its next version; finished once every id has one. */
export function recordChunk(
  change: BulkStateChange,
  results: readonly BulkStateResult[],
  now: Date,
): BulkStateChange {
  return recordBulkChunk(change, change.userIds.length, results, now);
}

/**
 * Who may follow a bulk change (ID-U5): the account that started it, and anyone who manages
 * every user of its tenant; nobody of another tenant.
 */
export function maySeeBulkStateChange(actor: UserActor, change: BulkStateChange): boolean {
  if (actor.tenantId !== change.tenantId) return false;
  const startedIt = actor.userId !== null && actor.userId === change.actor.userId;
  return startedIt || managesEveryUser(actor);
}
