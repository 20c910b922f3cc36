import { Schema } from 'mongoose';
import { ARTIFACT_PERMISSIONS, type ArtifactPermission } from '../domain/artifact';

export interface ArtifactShareDocument {
  _id: string;
  tenantId: string;
  artifactId: string;
  ownerId: string;
  userId: string;
  permission: ArtifactPermission;
  sharedBy: string;
  sharedAt: Date;
  resharedFrom: string | null;
}

export const ARTIFACT_SHARE_MODEL = 'ArtifactShare';

export const ArtifactShareSchema = new Schema<ArtifactShareDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    artifactId: { type: String, required: true },
    ownerId: { type: String, required: true },
    userId: { type: String, required: true },
    permission: { type: String, required: true, enum: ARTIFACT_PERMISSIONS },
    sharedBy: { type: String, required: true },
    sharedAt: { type: Date, required: true },
    resharedFrom: { type: String, default: null },
  },
  { collection: 'artifact_shares', versionKey: false },
);

// One artifact's shares; what a user holds, newest first; what an owner gave to some users
// (a transfer's re-share). Real MongoDB serves each; the local stand-in scans (non-unique).
ArtifactShareSchema.index({ tenantId: 1, artifactId: 1 });
ArtifactShareSchema.index({ tenantId: 1, userId: 1, sharedAt: -1, _id: -1 });
ArtifactShareSchema.index({ tenantId: 1, ownerId: 1, userId: 1 });
