import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import { foldPowerUserGrants, grantsAnything, powerUserKey, type PowerUserGrant } from '../domain/power-user';
import type { PowerUserRepository } from '../ports/power-user.repository';
import { POWER_USER_MODEL, type PowerUserDocument } from './power-user.schema';

/** How the projection takes a batch of grants (see applyVersionedBatch). */
const GRANT_BATCH: VersionedBatchPlan<PowerUserGrant, PowerUserGrant, PowerUserDocument> = {
  what: 'Power users',
  keyOf: powerUserKey,
  fold: (storedVersion, grants) => foldPowerUserGrants(storedVersion, grants),
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...write, groupIds: [...write.groupIds], updatedAt: new Date() }),
  toSet: (write) => ({
    groupIds: [...write.groupIds],
    profile: write.profile,
    version: write.version,
    updatedAt: new Date(),
  }),
};

@Injectable()
export class MongoPowerUserRepository implements PowerUserRepository {
  constructor(@InjectModel(POWER_USER_MODEL) private readonly model: Model<PowerUserDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<PowerUserDocument> {
    return this.model.collection as unknown as mongo.Collection<PowerUserDocument>;
  }

  async applyMany(grants: readonly PowerUserGrant[]): Promise<void> {
    if (grants.length > 0) await applyVersionedBatch(this.collection(), grants, GRANT_BATCH);
  }

  async find(tenantId: string, userId: string): Promise<PowerUserGrant | null> {
    // By `_id` alone, which both engines serve from an index.
    const doc = await this.collection().findOne({ _id: powerUserKey({ tenantId, userId }) });
    if (!doc) return null;
    const grant: PowerUserGrant = {
      tenantId: doc.tenantId,
      userId: doc.userId,
      groupIds: [...doc.groupIds],
      profile: doc.profile ?? null,
      version: doc.version,
    };
    return grantsAnything(grant) ? grant : null;
  }
}
