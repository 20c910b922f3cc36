import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { PopulationMember } from '../domain/population-member';

/** A population member's new state: inserted when `expectedVersion` is null, else a compare-and-set. */
export interface PopulationMemberWrite {
  member: PopulationMember;
  expectedVersion: number | null;
  outbox: readonly OutboxEntry[];
}

/**
 * Coaches' populations (ID-C3) of one tenant at a time: members keyed `tenant:coach:user`
 * (with their events, rule 1), and for each user the coaches whose population it may be in.
 */
export interface CoachPopulationRepository {
  /** The stored members (removed ones included) of these coach and user pairs. */
  findMembers(
    tenantId: string,
    pairs: ReadonlyArray<{ coachId: string; userId: string }>,
  ): Promise<PopulationMember[]>;
  /** Writes each member; answers the ids that another writer changed first (nothing written for them). */
  writeMembers(writes: readonly PopulationMemberWrite[]): Promise<string[]>;
  /** The members (not removed) of a coach's population, in user id order. */
  listMembers(tenantId: string, coachId: string, page: PageRequest): Promise<Page<PopulationMember>>;
  /** Drops a coach's whole population (its profile is deleted). */
  deleteCoach(tenantId: string, coachId: string): Promise<void>;
  /** For each of these users, the coaches whose population it may be in (a superset). */
  coachesOfUsers(tenantId: string, userIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Notes that each user may be in these coaches' populations. */
  rememberCoaches(tenantId: string, coachesByUser: ReadonlyMap<string, readonly string[]>): Promise<void>;
  /** Notes that each user is no longer in these coaches' populations. */
  forgetCoaches(tenantId: string, coachesByUser: ReadonlyMap<string, readonly string[]>): Promise<void>;
}

export const COACH_POPULATION_REPOSITORY = Symbol('COACH_POPULATION_REPOSITORY');
