import { Schema, type Connection, type Model } from 'mongoose';
import { GROUP_CONFIDENTIALITIES, type GroupConfidentiality } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';

export interface GroupRecord {
  _id: string;
  tenantId: string;
  name: string;
  confidentiality: GroupConfidentiality;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const groupSchema = new Schema<GroupRecord>(
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

export const GROUP_MODEL = Symbol('GROUP_MODEL');

export function groupModel(connection: Connection): Model<GroupRecord> {
  return connection.model<GroupRecord>('Group', groupSchema);
}
