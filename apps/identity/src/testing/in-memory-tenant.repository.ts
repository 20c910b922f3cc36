import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Tenant, TenantLifecycleState } from '../tenants/domain/tenant';
import type { TenantRepository } from '../tenants/ports/tenant.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by code, the tenant's id. */
const CODE_ORDER: ReadonlyArray<MemorySortKey<Tenant>> = [['_id', (tenant) => tenant.code, 1]];

/** Tenants in memory, with the guarantees of the Mongo repository: one per code, conditional writes. */
export class InMemoryTenantRepository implements TenantRepository {
  private readonly rows = new Map<string, Tenant>();

  constructor(private readonly outbox: RecordingOutbox) {}

  async findById(code: string): Promise<Tenant | null> {
    const tenant = this.rows.get(code);
    return tenant ? structuredClone(tenant) : null;
  }

  async insert(tenant: Tenant, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'> {
    // As the schema's `required`, which refuses an empty string before anything is written.
    if (tenant.name === '') throw new Error('A tenant needs a name');
    if (this.rows.has(tenant.code)) return 'duplicate';
    this.rows.set(tenant.code, structuredClone(tenant));
    this.outbox.record(tenant.code, outbox);
    return 'inserted';
  }

  async update(
    tenant: Tenant,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    if (this.rows.get(tenant.code)?.version !== expectedVersion) return 'stale';
    this.rows.set(tenant.code, structuredClone(tenant));
    this.outbox.record(tenant.code, outbox);
    return 'written';
  }

  async list(state: TenantLifecycleState, page: PageRequest): Promise<Page<Tenant>> {
    const matching = [...this.rows.values()].filter((row) => row.state === state);
    return structuredClone(slicePage(matching, page, CODE_ORDER));
  }
}
