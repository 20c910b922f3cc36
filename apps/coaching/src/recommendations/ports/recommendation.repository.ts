import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { Recommendation, RecommendationFilter } from '../domain/recommendation';

/** A recommendation as written, with the events its change publishes (rule 1: in the same write). */
export interface RecommendationWithEvents {
  recommendation: Recommendation;
  outbox: readonly OutboxEntry[];
}

/**
 * Coaches' course recommendations to their mentees (CO-W4). Every query is scoped by tenant. A
 * removed recommendation stays as a tombstone (`removedAt`): reads of one and lists leave it out.
 * Each write stores the recommendation and its events in one single-document write, and has
 * them published.
 */
export interface RecommendationRepository {
  /**
   * Stores each recommendation with its events unless one of its id exists already (the same
   * course by the same coach to the same mentee, a tombstone included), in one round trip;
   * returns the ids of those stored now (only their events are written).
   */
  insertIfAbsent(tenantId: string, recommendations: readonly RecommendationWithEvents[]): Promise<string[]>;
  /**
   * Replaces a recommendation by its next state (made again, or removed) with its events, if it
   * is still at `expectedVersion`; false otherwise (nothing written).
   */
  save(tenantId: string, changed: RecommendationWithEvents, expectedVersion: number): Promise<boolean>;
  /** The recommendation, unless it does not exist in the tenant or was removed. */
  findById(tenantId: string, id: string): Promise<Recommendation | null>;
  /** The recommendations of the tenant among `ids`, removed ones included, in one read, in no order. */
  findMany(tenantId: string, ids: readonly string[]): Promise<Recommendation[]>;
  /** The live ones, newest first (by time, then by id). */
  list(tenantId: string, filter: RecommendationFilter, page: PageRequest): Promise<Page<Recommendation>>;
}

export const RECOMMENDATION_REPOSITORY = Symbol('RECOMMENDATION_REPOSITORY');
