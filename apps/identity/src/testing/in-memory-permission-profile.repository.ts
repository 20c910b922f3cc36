import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { PermissionProfile } from '../permission-profiles/domain/permission-profile';
import type { OutboxEntry } from '@lms/messaging';
import type { PermissionProfileRepository } from '../permission-profiles/ports/permission-profile.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by name, then id. */
const NAME_ORDER: ReadonlyArray<MemorySortKey<PermissionProfile>> = [
  ['name', (profile) => profile.name, 1],
  ['_id', (profile) => profile.id, 1],
];

/** Permission profiles in memory, with the guarantees of the Mongo repository: one per name and tenant, conditional writes. */
export class InMemoryPermissionProfileRepository implements PermissionProfileRepository {
  private readonly rows: PermissionProfile[] = [];

  constructor(private readonly outbox: RecordingOutbox) {}

  async find(tenantId: string, name: string): Promise<PermissionProfile | null> {
    const profile = this.rows.find((row) => row.tenantId === tenantId && row.name === name);
    return profile ? structuredClone(profile) : null;
  }

  async insert(profile: PermissionProfile, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    // As the schema's `required`, which refuses an empty string before anything is written.
    if (profile.name === '') throw new Error('A permission profile needs a name');
    const taken = this.rows.some(
      (row) => row.id === profile.id || (row.tenantId === profile.tenantId && row.name === profile.name),
    );
    if (taken) return 'stale';
    this.rows.push(structuredClone(profile));
    this.outbox.record(profile.id, outbox);
    return 'written';
  }

  async update(
    profile: PermissionProfile,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const at = this.rows.findIndex(
      (row) => row.id === profile.id && row.tenantId === profile.tenantId && row.version === expectedVersion,
    );
    if (at < 0) return 'stale';
    this.rows[at] = structuredClone(profile);
    this.outbox.record(profile.id, outbox);
    return 'written';
  }

  async delete(tenantId: string, name: string): Promise<boolean> {
    const at = this.rows.findIndex((row) => row.tenantId === tenantId && row.name === name);
    if (at < 0) return false;
    this.rows.splice(at, 1);
    return true;
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<PermissionProfile>> {
    const matching = this.rows.filter((row) => row.tenantId === tenantId);
    return structuredClone(slicePage(matching, page, NAME_ORDER));
  }
}
