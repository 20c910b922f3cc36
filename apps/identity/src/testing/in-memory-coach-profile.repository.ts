import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { CoachFilter, CoachProfile } from '../coach-profiles/domain/coach-profile';
import type { CoachProfileRepository } from '../coach-profiles/ports/coach-profile.repository';
import { RecordingOutbox } from './recording-outbox';

const ID_ORDER: ReadonlyArray<MemorySortKey<CoachProfile>> = [['_id', (profile) => profile.id, 1]];

/** Coach profiles in memory, with the guarantees of the Mongo repository; the filter index is read from the profiles. */
export class InMemoryCoachProfileRepository implements CoachProfileRepository {
  private readonly rows = new Map<string, CoachProfile>();

  constructor(private readonly outbox: RecordingOutbox = new RecordingOutbox()) {}

  async findById(tenantId: string, id: string): Promise<CoachProfile | null> {
    const profile = await this.findStored(tenantId, id);
    return profile && profile.deletedAt === null ? profile : null;
  }

  async findStored(tenantId: string, id: string): Promise<CoachProfile | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async findByIds(tenantId: string, ids: readonly string[]): Promise<CoachProfile[]> {
    return [...new Set(ids)]
      .map((id) => this.rows.get(id))
      .filter((row): row is CoachProfile => !!row && row.tenantId === tenantId && row.deletedAt === null)
      .map((row) => structuredClone(row));
  }

  async insert(profile: CoachProfile, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    if (this.rows.has(profile.id)) return 'stale';
    this.rows.set(profile.id, structuredClone(profile));
    this.outbox.record(profile.id, outbox);
    return 'written';
  }

  async update(
    profile: CoachProfile,
    previous: CoachProfile,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const stored = this.rows.get(profile.id);
    if (!stored || stored.tenantId !== profile.tenantId || stored.version !== previous.version)
      return 'stale';
    this.rows.set(profile.id, structuredClone(profile));
    this.outbox.record(profile.id, outbox);
    return 'written';
  }

  async listRecomputing(
    limit: number,
  ): Promise<Array<Pick<CoachProfile, 'id' | 'tenantId' | 'populationVersion'>>> {
    return [...this.rows.values()]
      .filter((row) => row.deletedAt === null && row.populationRecomputedAt === null)
      .slice(0, limit)
      .map(({ id, tenantId, populationVersion }) => ({ id, tenantId, populationVersion }));
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<CoachProfile>> {
    const live = [...this.rows.values()].filter((row) => row.tenantId === tenantId && row.deletedAt === null);
    return structuredClone(slicePage(live, page, ID_ORDER));
  }

  async coachIdsFilteringOn(tenantId: string, filters: readonly CoachFilter[]): Promise<string[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.deletedAt === null)
      .filter((row) =>
        row.filters.some((own) => filters.some((f) => f.field === own.field && f.value === own.value)),
      )
      .map((row) => row.id);
  }
}
