import { Schema } from 'mongoose';
import { MAX_ARTIFACT_COMMENT_LENGTH } from '../domain/artifact-comment';

export interface ArtifactCommentDocument {
  _id: string;
  tenantId: string;
  artifactId: string;
  authorId: string;
  text: string;
  createdAt: Date;
}

export const ARTIFACT_COMMENT_MODEL = 'ArtifactComment';

export const ArtifactCommentSchema = new Schema<ArtifactCommentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    artifactId: { type: String, required: true },
    authorId: { type: String, required: true },
    text: { type: String, required: true, maxlength: MAX_ARTIFACT_COMMENT_LENGTH },
    createdAt: { type: Date, required: true },
  },
  { collection: 'artifact_comments', versionKey: false },
);

// One artifact's comments, oldest first (real MongoDB; the local stand-in scans, non-unique).
ArtifactCommentSchema.index({ tenantId: 1, artifactId: 1, createdAt: 1, _id: 1 });
