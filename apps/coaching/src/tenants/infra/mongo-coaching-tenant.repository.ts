import { foldNewestState } from '@lms/kernel';
import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import {
  coachingTenantAfter,
  type CoachingTenant,
  type CoachingTenantChange,
} from '../domain/coaching-tenant';
import type { CoachingTenantRepository } from '../ports/coaching-tenant.repository';
import { COACHING_TENANT_MODEL, type CoachingTenantDocument } from './coaching-tenant.schema';

/** How the projection takes a batch of tenant changes (see applyVersionedBatch). */
const TENANT_BATCH: VersionedBatchPlan<CoachingTenantChange, CoachingTenantChange, CoachingTenantDocument> = {
  what: 'Tenants',
  keyOf: (change) => change.tenantId,
  fold: foldNewestState,
  versionOf: (write) => write.version,
  toInsert: (key, write) => {
    const { tenantId: _tenantId, ...fields } = coachingTenantAfter(write);
    return { _id: key, ...fields };
  },
  // Every event carries the whole state: the write sets every field but the key.
  toSet: (write) => {
    const { tenantId: _tenantId, ...fields } = coachingTenantAfter(write);
    return fields;
  },
};

@Injectable()
export class MongoCoachingTenantRepository implements CoachingTenantRepository {
  constructor(@InjectModel(COACHING_TENANT_MODEL) private readonly model: Model<CoachingTenantDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<CoachingTenantDocument> {
    return this.model.collection as unknown as mongo.Collection<CoachingTenantDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): per tenant, the
   * newest change of the batch if it is newer than what is stored, written by a
   * compare-and-set on the version read.
   */
  applyMany(changes: readonly CoachingTenantChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, TENANT_BATCH);
  }

  /** By `_id`, the tenant's code. */
  async find(tenantId: string): Promise<CoachingTenant | null> {
    const doc = await this.collection().findOne({ _id: tenantId });
    return doc ? toCoachingTenant(doc) : null;
  }
}

function toCoachingTenant(doc: CoachingTenantDocument): CoachingTenant {
  return {
    tenantId: doc._id,
    state: doc.state,
    timezone: doc.timezone,
    version: doc.version,
    updatedAt: new Date(doc.updatedAt),
  };
}
