import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import { shareId, type ArtifactShare } from '../domain/artifact';
import type { ArtifactShareRepository } from '../ports/artifact-share.repository';
import { ARTIFACT_SHARE_MODEL, type ArtifactShareDocument } from './artifact-share.schema';

/** The artifacts shared with a user, the latest share first, ties by id. */
const LATEST_SHARED_FIRST: SortOrder = [
  ['sharedAt', -1],
  ['_id', -1],
];

@Injectable()
export class MongoArtifactShareRepository implements ArtifactShareRepository {
  constructor(@InjectModel(ARTIFACT_SHARE_MODEL) private readonly model: Model<ArtifactShareDocument>) {}

  async find(tenantId: string, artifactId: string, userId: string): Promise<ArtifactShare | null> {
    // By `_id` (index-served on both engines): one share per artifact and user.
    const doc = await this.model
      .findOne({ _id: shareId(artifactId, userId) })
      .lean<ArtifactShareDocument>()
      .exec();
    return doc && doc.tenantId === tenantId ? toShare(doc) : null;
  }

  async putMany(shares: readonly ArtifactShare[]): Promise<void> {
    if (shares.length === 0) return;
    // By `_id` (index-served on both engines): putting the same share again changes nothing.
    await this.model.bulkWrite(
      shares.map(({ id, ...fields }) => ({
        replaceOne: { filter: { _id: id }, replacement: { _id: id, ...fields }, upsert: true },
      })),
      { ordered: false },
    );
  }

  async removeMany(tenantId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.model.deleteMany({ _id: trusted({ $in: [...ids] }), tenantId });
  }

  async listOf(tenantId: string, artifactId: string): Promise<ArtifactShare[]> {
    const docs = await this.model
      .find({ tenantId, artifactId })
      .sort({ sharedAt: 1, _id: 1 })
      .lean<ArtifactShareDocument[]>()
      .exec();
    return docs.map(toShare);
  }

  listHeldBy(tenantId: string, userId: string, page: PageRequest): Promise<Page<ArtifactShare>> {
    return findPage(this.model.find({ tenantId, userId }), LATEST_SHARED_FIRST, page, toShare);
  }

  async listOfOwnerHeldBy(
    tenantId: string,
    ownerId: string,
    userIds: readonly string[],
  ): Promise<ArtifactShare[]> {
    if (userIds.length === 0) return [];
    const docs = await this.model
      .find({ tenantId, ownerId, userId: trusted({ $in: [...new Set(userIds)] }) })
      .lean<ArtifactShareDocument[]>()
      .exec();
    return docs.map(toShare);
  }

  async removeAllOf(tenantId: string, artifactId: string): Promise<void> {
    await this.model.deleteMany({ tenantId, artifactId });
  }
}

function toShare(doc: ArtifactShareDocument): ArtifactShare {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    artifactId: doc.artifactId,
    ownerId: doc.ownerId,
    userId: doc.userId,
    permission: doc.permission,
    sharedBy: doc.sharedBy,
    sharedAt: new Date(doc.sharedAt),
    resharedFrom: doc.resharedFrom ?? null,
  };
}
