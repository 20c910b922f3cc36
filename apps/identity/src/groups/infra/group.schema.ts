import { Schema } from 'mongoose';
import { GROUP_CONFIDENTIALITIES, type GroupConfidentiality } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { GROUP_STATUSES, type GroupStatus } from '../domain/group';

export interface GroupDeletionDocument {
  requestedAt: Date;
  membersRemoved: number;
}

export interface GroupDocument {
  _id: string;
  tenantId: string;
  name: string;
  confidentiality: GroupConfidentiality;
  /** Absent on groups stored before deletion existed: `active`. */
  status?: GroupStatus;
  deletion?: GroupDeletionDocument | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const GROUP_MODEL = 'Group';

export const GroupSchema = new Schema<GroupDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    confidentiality: { type: String, required: true, enum: GROUP_CONFIDENTIALITIES },
    status: { type: String, enum: GROUP_STATUSES, default: 'active' },
    deletion: {
      type: new Schema<GroupDeletionDocument>(
        { requestedAt: { type: Date, required: true }, membersRemoved: { type: Number, required: true } },
        { _id: false },
      ),
      default: null,
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'groups', versionKey: false },
);

/** The compare-and-set of an update names exactly these fields, which the local stand-in then serves from an index. */
GroupSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'group_version' });
/**
 * The tenant's groups, oldest first (`GET /v1/groups`, an administrator's or coach's list; a
 * scan on the local stand-in, an index on MongoDB), and the groups being deleted (the deletion
 * job's recovery, at start-up and now and then: a scan on the stand-in too).
 */
GroupSchema.index({ tenantId: 1, status: 1, _id: 1 });
GroupSchema.index({ status: 1, _id: 1 });
