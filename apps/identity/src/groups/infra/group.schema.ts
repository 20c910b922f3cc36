import { Schema } from 'mongoose';
import { GROUP_CONFIDENTIALITIES, type GroupConfidentiality } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';

export interface GroupDocument {
  _id: string;
  tenantId: string;
  name: string;
  confidentiality: GroupConfidentiality;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const GROUP_MODEL = 'Group';

/** No index besides `_id`: a group is only ever read by its id. */
export const GroupSchema = new Schema<GroupDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    confidentiality: { type: String, required: true, enum: GROUP_CONFIDENTIALITIES },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'groups', versionKey: false },
);
