import { Schema } from 'mongoose';

export interface SourceVersionDocument {
  /** `tenantId:aggregateId`: every read and write goes by `_id`, index-served on both engines. */
  _id: string;
  tenantId: string;
  version: number;
}

export const SOURCE_VERSION_MODEL = 'SourceVersion';

export const SourceVersionSchema = new Schema<SourceVersionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'source_versions', versionKey: false },
);
