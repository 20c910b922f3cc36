import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  foldManagerRelationChanges,
  managerRelationKey,
  type ManagerRelation,
} from '../domain/manager-relation';
import type { ManagerRelationRepository } from '../ports/manager-relation.repository';
import { MANAGER_RELATION_MODEL, type ManagerRelationDocument } from './manager-relation.schema';

/** How the projection takes a batch of relation changes (see applyVersionedBatch). */
const RELATION_BATCH: VersionedBatchPlan<ManagerRelation, ManagerRelation, ManagerRelationDocument> = {
  what: 'Manager relations',
  keyOf: managerRelationKey,
  fold: (storedVersion, changes) => foldManagerRelationChanges(storedVersion, changes),
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...write, updatedAt: new Date() }),
  toSet: (write) => ({ active: write.active, version: write.version, updatedAt: new Date() }),
};

@Injectable()
export class MongoManagerRelationRepository implements ManagerRelationRepository {
  constructor(@InjectModel(MANAGER_RELATION_MODEL) private readonly model: Model<ManagerRelationDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<ManagerRelationDocument> {
    return this.model.collection as unknown as mongo.Collection<ManagerRelationDocument>;
  }

  async applyMany(changes: readonly ManagerRelation[]): Promise<void> {
    if (changes.length > 0) await applyVersionedBatch(this.collection(), changes, RELATION_BATCH);
  }

  async manages(tenantId: string, managerId: string, manageeId: string): Promise<boolean> {
    // By `_id` alone, which both engines serve from an index.
    const doc = await this.collection().findOne(
      { _id: managerRelationKey({ tenantId, managerId, manageeId }) },
      { projection: { active: 1 } },
    );
    return doc?.active === true;
  }
}
