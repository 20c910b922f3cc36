import { slicePage, type Page, type PageRequest } from '@lms/kernel';
import type { Recommendation, RecommendationFilter } from '../recommendations/domain/recommendation';
import type { RecommendationRepository } from '../recommendations/ports/recommendation.repository';

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
    const kept = [...this.rows.values()]
      .filter(
        (r) =>
          r.tenantId === tenantId &&
          (filter.menteeId === undefined || r.menteeId === filter.menteeId) &&
          (filter.coachId === undefined || r.coachId === filter.coachId),
      )
      .sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
    return slicePage(
      kept.map((r) => structuredClone(r)),
      page,
    );
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (this.rows.get(id)?.tenantId === tenantId) this.rows.delete(id);
  }
}
