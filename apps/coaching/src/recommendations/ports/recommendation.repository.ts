import type { Page, PageRequest } from '@lms/kernel';
import type { Recommendation, RecommendationFilter } from '../domain/recommendation';

/** Coaches' course recommendations to their mentees (CO-W4). Every query is scoped by tenant. */
export interface RecommendationRepository {
  /**
   * Stores each recommendation unless one of its id exists already (the same course by the same
   * coach to the same mentee), in one round trip; returns the ids of those stored now.
   */
  insertIfAbsent(tenantId: string, recommendations: readonly Recommendation[]): Promise<string[]>;
  /** The recommendation, unless it does not exist in the tenant. */
  findById(tenantId: string, id: string): Promise<Recommendation | null>;
  /** The recommendations of the tenant among `ids`, in one read, in no order. */
  findMany(tenantId: string, ids: readonly string[]): Promise<Recommendation[]>;
  /** Newest first (by time, then by id). */
  list(tenantId: string, filter: RecommendationFilter, page: PageRequest): Promise<Page<Recommendation>>;
  /** Removes the recommendation if it exists in the tenant. */
  delete(tenantId: string, id: string): Promise<void>;
}

export const RECOMMENDATION_REPOSITORY = Symbol('RECOMMENDATION_REPOSITORY');
