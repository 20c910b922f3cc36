import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { ArtifactComment } from '../domain/artifact-comment';
import type { ArtifactCommentRepository } from '../ports/artifact-comment.repository';
import { ARTIFACT_COMMENT_MODEL, type ArtifactCommentDocument } from './artifact-comment.schema';

/** The comments on an artifact, oldest first, ties by id. */
const OLDEST_FIRST: SortOrder = [
  ['createdAt', 1],
  ['_id', 1],
];

@Injectable()
export class MongoArtifactCommentRepository implements ArtifactCommentRepository {
  constructor(@InjectModel(ARTIFACT_COMMENT_MODEL) private readonly model: Model<ArtifactCommentDocument>) {}

  async insert(comment: ArtifactComment): Promise<void> {
    const { id, ...fields } = comment;
    await this.model.create({ _id: id, ...fields });
  }

  listOf(tenantId: string, artifactId: string, page: PageRequest): Promise<Page<ArtifactComment>> {
    return findPage(this.model.find({ tenantId, artifactId }), OLDEST_FIRST, page, toComment);
  }

  async removeAllOf(tenantId: string, artifactId: string): Promise<void> {
    await this.model.deleteMany({ tenantId, artifactId });
  }
}

function toComment(doc: ArtifactCommentDocument): ArtifactComment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    artifactId: doc.artifactId,
    authorId: doc.authorId,
    text: doc.text,
    createdAt: new Date(doc.createdAt),
  };
}
