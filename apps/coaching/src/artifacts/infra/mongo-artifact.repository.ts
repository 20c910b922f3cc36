import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findOfTenantByIds, findPage, InjectModel } from '@lms/service-kit';
import type { Artifact } from '../domain/artifact';
import type { ArtifactRepository } from '../ports/artifact.repository';
import { ARTIFACT_MODEL, type ArtifactDocument } from './artifact.schema';

/** A mentee's artifacts, newest first, ties by id. */
const NEWEST_FIRST: SortOrder = [
  ['createdAt', -1],
  ['_id', -1],
];

@Injectable()
export class MongoArtifactRepository implements ArtifactRepository {
  constructor(@InjectModel(ARTIFACT_MODEL) private readonly model: Model<ArtifactDocument>) {}

  async insert(artifact: Artifact): Promise<void> {
    const { id, ...fields } = artifact;
    await this.model.create({ _id: id, ...fields });
  }

  async find(tenantId: string, id: string): Promise<Artifact | null> {
    // By `_id` alone (index-served on both engines); the tenant is checked below.
    const doc = await this.model.findOne({ _id: id }).lean<ArtifactDocument>().exec();
    return doc && doc.tenantId === tenantId ? toArtifact(doc) : null;
  }

  async save(artifact: Artifact, expectedVersion: number): Promise<boolean> {
    const { id, tenantId, ...fields } = artifact;
    const result = await this.model.updateOne(
      { _id: id, tenantId, version: expectedVersion },
      { $set: fields },
    );
    return result.modifiedCount === 1;
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.model.deleteOne({ _id: id, tenantId });
  }

  listOwnedBy(tenantId: string, ownerId: string, page: PageRequest): Promise<Page<Artifact>> {
    return findPage(this.model.find({ tenantId, ownerId }), NEWEST_FIRST, page, toArtifact);
  }

  async findMany(tenantId: string, ids: readonly string[]): Promise<Artifact[]> {
    return (await findOfTenantByIds<ArtifactDocument>(this.model, tenantId, ids)).map(toArtifact);
  }
}

function toArtifact(doc: ArtifactDocument): Artifact {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    ownerId: doc.ownerId,
    title: doc.title,
    link: doc.link ?? null,
    text: doc.text ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
