import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { WriteOutcome } from '@lms/kernel';
import type { AdminRegistry, UnsettledAdministrator } from '../domain/admin-registry';
import type { AdminRegistryRepository } from '../ports/admin-registry.repository';
import { ADMIN_REGISTRY_MODEL, type AdminRegistryDocument } from './admin-registry.schema';
import { writeIfVersion } from '@lms/messaging';

@Injectable()
export class MongoAdminRegistryRepository implements AdminRegistryRepository {
  constructor(@InjectModel(ADMIN_REGISTRY_MODEL) private readonly model: Model<AdminRegistryDocument>) {}

  async find(tenantId: string): Promise<AdminRegistry | null> {
    const doc = await this.model.findOne({ _id: tenantId }).lean<AdminRegistryDocument>().exec();
    return doc ? toRegistry(doc) : null;
  }

  async insert(registry: AdminRegistry): Promise<'inserted' | 'duplicate'> {
    try {
      await this.model.create(toDocument(registry));
      return 'inserted';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }

  async update(registry: AdminRegistry, expectedVersion: number): Promise<WriteOutcome> {
    const { _id, ...state } = toDocument(registry);
    // Exactly the fields of the `tenant_admins_version` unique index: a compare-and-set.
    return (await writeIfVersion(this.model, { _id, version: expectedVersion }, state, []))
      ? 'written'
      : 'stale';
  }

  async markSettled(tenantId: string, entry: UnsettledAdministrator): Promise<void> {
    await this.model
      .updateOne({ _id: tenantId }, { $pull: { unsettled: { userId: entry.userId, since: entry.since } } })
      .exec();
  }

  async listUnsettled(afterTenantId: string | null, limit: number): Promise<AdminRegistry[]> {
    // A scan of the registries on both engines: one document per tenant, read at start-up only.
    const docs = await this.model
      .find({
        'unsettled.0': trusted({ $exists: true }),
        ...(afterTenantId === null ? {} : { _id: trusted({ $gt: afterTenantId }) }),
      })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<AdminRegistryDocument[]>()
      .exec();
    return docs.map(toRegistry);
  }
}

function toDocument(registry: AdminRegistry): AdminRegistryDocument {
  return {
    _id: registry.tenantId,
    applicationAdmins: [...registry.applicationAdmins],
    systemAdmins: [...registry.systemAdmins],
    inactive: [...registry.inactive],
    unsettled: registry.unsettled.map((entry) => ({ userId: entry.userId, since: entry.since })),
    version: registry.version,
  };
}

function toRegistry(doc: AdminRegistryDocument): AdminRegistry {
  return {
    tenantId: doc._id,
    applicationAdmins: [...doc.applicationAdmins],
    systemAdmins: [...doc.systemAdmins],
    inactive: [...doc.inactive],
    unsettled: doc.unsettled.map((entry) => ({ userId: entry.userId, since: new Date(entry.since) })),
    version: doc.version,
  };
}
