import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { writeIfVersion, asOutboxCollection, OutboxRelay, type OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder, type WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import { DEFAULT_TENANT_TIMEZONE, type Tenant, type TenantLifecycleState } from '../domain/tenant';
import type { TenantRepository } from '../ports/tenant.repository';
import { TENANT_MODEL, type TenantDocument } from './tenant.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** A list of tenants in code order (the code is the `_id`). */
const CODE_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoTenantRepository implements TenantRepository {
  constructor(
    @InjectModel(TENANT_MODEL) private readonly model: Model<TenantDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(code: string): Promise<Tenant | null> {
    const doc = await this.model.findOne({ _id: code }, WITHOUT_OUTBOX).lean<TenantDocument>().exec();
    return doc ? toTenant(doc) : null;
  }

  async insert(tenant: Tenant, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'> {
    try {
      await this.model.create({ ...toDocument(tenant), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
    this.published(tenant.id, outbox);
    return 'inserted';
  }

  async update(
    tenant: Tenant,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, ...state } = toDocument(tenant);
    // Exactly the fields of the `tenant_version` unique index: a compare-and-set.
    if (!(await writeIfVersion(this.model, { _id, version: expectedVersion }, state, outbox))) return 'stale';
    this.published(tenant.id, outbox);
    return 'written';
  }

  async list(state: TenantLifecycleState, page: PageRequest): Promise<Page<Tenant>> {
    // A scan on the local stand-in (see the schema): tenants are few.
    return findPage(this.model.find({ state }, WITHOUT_OUTBOX), CODE_ORDER, page, toTenant);
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(tenant: Tenant): Omit<TenantDocument, 'outbox'> {
  const pending = tenant.pendingAdministrator;
  return {
    _id: tenant.code,
    name: tenant.name,
    timezone: tenant.timezone,
    state: tenant.state,
    pendingAdministrator: pending ? { ...pending, adminRoles: [...pending.adminRoles] } : null,
    ownerId: tenant.ownerId,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
    version: tenant.version,
  };
}

function toTenant(doc: TenantDocument): Tenant {
  const pending = doc.pendingAdministrator;
  return {
    id: doc._id,
    code: doc._id,
    name: doc.name,
    timezone: doc.timezone ?? DEFAULT_TENANT_TIMEZONE,
    state: doc.state,
    pendingAdministrator: pending ? { ...pending, adminRoles: [...pending.adminRoles] } : null,
    ownerId: doc.ownerId ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
