import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import {
  isLive,
  type Recommendation,
  type RecommendationFilter,
} from '../recommendations/domain/recommendation';
import type {
  RecommendationRepository,
  RecommendationWithEvents,
} from '../recommendations/ports/recommendation.repository';

/** Newest first, ties by id, as the Mongo repository sorts them. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<Recommendation>> = [
  ['createdAt', (r) => r.createdAt, -1],
  ['_id', (r) => r.id, -1],
];

/** Course recommendations in memory, in the order the Mongo repository reads them. */
export class InMemoryRecommendationRepository implements RecommendationRepository {
  private readonly rows = new Map<string, Recommendation>();
  /** Every event written with a change, in the order written (what the relay would publish). */
  readonly published: OutboxEntry[] = [];

  async insertIfAbsent(tenantId: string, items: readonly RecommendationWithEvents[]): Promise<string[]> {
    const stored: string[] = [];
    for (const { recommendation, outbox } of items) {
      if (recommendation.tenantId !== tenantId)
        throw new Error('A recommendation of another tenant cannot be written here');
      if (this.rows.has(recommendation.id)) continue;
      this.rows.set(recommendation.id, structuredClone(recommendation));
      this.published.push(...outbox);
      stored.push(recommendation.id);
    }
    return stored;
  }

  async save(tenantId: string, changed: RecommendationWithEvents, expectedVersion: number): Promise<boolean> {
    const { recommendation, outbox } = changed;
    if (recommendation.tenantId !== tenantId)
      throw new Error('A recommendation of another tenant cannot be written here');
    const row = this.rows.get(recommendation.id);
    if (!row || row.tenantId !== tenantId || row.version !== expectedVersion) return false;
    this.rows.set(recommendation.id, structuredClone(recommendation));
    this.published.push(...outbox);
    return true;
  }

  async findById(tenantId: string, id: string): Promise<Recommendation | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId && isLive(row) ? structuredClone(row) : null;
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
        isLive(r) &&
        (filter.menteeId === undefined || r.menteeId === filter.menteeId) &&
        (filter.coachId === undefined || r.coachId === filter.coachId),
    );
    return slicePage(
      kept.map((r) => structuredClone(r)),
      page,
      NEWEST_FIRST,
    );
  }
}
