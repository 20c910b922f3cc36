import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { CoachFilter, CoachProfile } from '../domain/coach-profile';

/**
 * Coach profiles of one tenant at a time, each keyed by its manager account: every method
 * takes the tenant id or a profile carrying it. A write stores the profile and its events in
 * one write (rule 1), and keeps the index of the filters up to date.
 */
export interface CoachProfileRepository {
  /** The live profile, or null (deleted, another tenant's, none). */
  findById(tenantId: string, id: string): Promise<CoachProfile | null>;
  /** The stored profile, a deleted one (a tombstone) included. */
  findStored(tenantId: string, id: string): Promise<CoachProfile | null>;
  /** The live profiles of these ids in the tenant, in no particular order. */
  findByIds(tenantId: string, ids: readonly string[]): Promise<CoachProfile[]>;
  /** `stale` when a profile of this id is stored already. */
  insert(profile: CoachProfile, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** Replaces `previous` if the stored version is still its version; else `stale`. */
  update(
    profile: CoachProfile,
    previous: CoachProfile,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome>;
  /** Live profiles in id order. */
  list(tenantId: string, page: PageRequest): Promise<Page<CoachProfile>>;
  /**
   * Live profiles of every tenant whose population is being recomputed, at most `limit` (a
   * cold path: the job runner's recovery of a recomputation whose job was lost).
   */
  listRecomputing(limit: number): Promise<Array<Pick<CoachProfile, 'id' | 'tenantId' | 'populationVersion'>>>;
  /**
   * The ids of the coaches having one of these filters: every live one, and maybe some that
   * had it a moment ago (callers check each profile's filters).
   */
  coachIdsFilteringOn(tenantId: string, filters: readonly CoachFilter[]): Promise<string[]>;
}

export const COACH_PROFILE_REPOSITORY = Symbol('COACH_PROFILE_REPOSITORY');
