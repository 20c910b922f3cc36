import { Schema } from 'mongoose';

export interface AssignmentVersionDocument {
  /** `tenantId:assignmentId`: every read and write goes by `_id`, index-served on both engines. */
  _id: string;
  tenantId: string;
  version: number;
}

export const ASSIGNMENT_VERSION_MODEL = 'AssignmentVersion';

export const AssignmentVersionSchema = new Schema<AssignmentVersionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'assignment_versions', versionKey: false },
);
