import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  currentOf,
  foldProfileDefinitions,
  profileRightsKey,
  type ProfileRights,
} from '../domain/permission-profile-rights';
import type { ProfileRightsRepository } from '../ports/profile-rights.repository';
import { PROFILE_RIGHTS_MODEL, type ProfileRightsDocument } from './profile-rights.schema';

/** How the projection takes a batch of definitions (see applyVersionedBatch). */
const DEFINITION_BATCH: VersionedBatchPlan<ProfileRights, ProfileRights, ProfileRightsDocument> = {
  what: 'Permission profiles',
  keyOf: profileRightsKey,
  fold: (storedVersion, definitions) => foldProfileDefinitions(storedVersion, definitions),
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...write, rights: [...write.rights], updatedAt: new Date() }),
  toSet: (write) => ({
    name: write.name,
    rights: [...write.rights],
    version: write.version,
    updatedAt: new Date(),
  }),
};

@Injectable()
export class MongoProfileRightsRepository implements ProfileRightsRepository {
  constructor(@InjectModel(PROFILE_RIGHTS_MODEL) private readonly model: Model<ProfileRightsDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<ProfileRightsDocument> {
    return this.model.collection as unknown as mongo.Collection<ProfileRightsDocument>;
  }

  async applyMany(definitions: readonly ProfileRights[]): Promise<void> {
    if (definitions.length > 0) await applyVersionedBatch(this.collection(), definitions, DEFINITION_BATCH);
  }

  async rightsOf(tenantId: string, name: string): Promise<string[] | null> {
    // MongoDB serves it from the `{tenantId, name}` index; the stand-in scans the profiles (see the schema).
    const docs = await this.collection().find({ tenantId, name }).toArray();
    const current = currentOf(
      docs.map((doc) => ({
        tenantId: doc.tenantId,
        profileId: doc.profileId,
        name: doc.name,
        rights: [...doc.rights],
        version: doc.version,
      })),
    );
    return current === null ? null : current.rights;
  }
}
