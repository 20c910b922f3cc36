import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Recommendation, RecommendationFilter } from '../recommendations/domain/recommendation';
import type { RecommendationRepository } from '../recommendations/ports/recommendation.repository';

/** Newest first, ties by id, as the Mongo repository sorts them. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<Recommendation>> = [
  ['createdAt', (r) => r.createdAt, -1],
  ['_id', (r) => r.id, -1],
];

/** Course recommendations in memory, in the order the Mongo repository reads them. */
export class InMemoryRecommendationRepository implements RecommendationRepository {
  private readonly rows = new Map<string, Recommendation>();

  async insertIfAbsent(tenantId: string, recommendations: readonly Recommendation[]): Promise<string[]> {
    const stored: string[] = [];
    for (const recommendation of recommendations) {
      if (recommendation.tenantId !== tenantId)
        throw new Error('A recommendation of another tenant cannot be written here');
      if (this.rows.has(recommendation.id)) continue;
      this.rows.set(recommendation.id, structuredClone(recommendation));
      stored.push(recommendation.id);
    }
    return stored;
  }

  async findById(tenantId: string, id: string): Promise<Recommendation | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async findMany(tenantId: string, ids: readonly string[]): Promise<Recommendation[]> {
    return [...new Set(ids)]
      .map((id) => this.rows.get(id))
      .filter((row): row is Recommendation => row !== undefined && row.tenantId === tenantId)
      .map((row) => structuredClone(row));
  }

  async list(
    tenantId: string,
    filter: RecommendationFilter,
    page: PageRequest,
  ): Promise<Page<Recommendation>> {
    const kept = [...this.rows.values()].filter(
      (r) =>
        r.tenantId === tenantId &&
        (filter.menteeId === undefined || r.menteeId === filter.menteeId) &&
        (filter.coachId === undefined || r.coachId === filter.coachId),
    );
    return slicePage(
      kept.map((r) => structuredClone(r)),
      page,
      NEWEST_FIRST,
    );
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (this.rows.get(id)?.tenantId === tenantId) this.rows.delete(id);
  }
}
