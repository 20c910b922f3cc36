import { Schema } from 'mongoose';
import {
  MAX_ARTIFACT_LINK_LENGTH,
  MAX_ARTIFACT_TEXT_LENGTH,
  MAX_ARTIFACT_TITLE_LENGTH,
} from '../domain/artifact';

export interface ArtifactDocument {
  _id: string;
  tenantId: string;
  ownerId: string;
  title: string;
  link: string | null;
  text: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const ARTIFACT_MODEL = 'Artifact';

export const ArtifactSchema = new Schema<ArtifactDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    ownerId: { type: String, required: true },
    title: { type: String, required: true, maxlength: MAX_ARTIFACT_TITLE_LENGTH },
    link: { type: String, default: null, maxlength: MAX_ARTIFACT_LINK_LENGTH },
    text: { type: String, default: null, maxlength: MAX_ARTIFACT_TEXT_LENGTH },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'artifacts', versionKey: false },
);

// An owner's artifacts, newest first (real MongoDB; the local stand-in scans, non-unique).
ArtifactSchema.index({ tenantId: 1, ownerId: 1, createdAt: -1, _id: -1 });
