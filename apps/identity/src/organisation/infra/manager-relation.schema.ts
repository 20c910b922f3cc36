import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { MANAGER_RELATION_STATUSES, type ManagerRelationStatus } from '../domain/manager-relation';

export interface ManagerRelationDocument {
  _id: string;
  tenantId: string;
  managerId: string;
  manageeId: string;
  status: ManagerRelationStatus;
  createdAt: Date;
  updatedAt: Date;
  removedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const MANAGER_RELATION_MODEL = 'ManagerRelation';

export const ManagerRelationSchema = new Schema<ManagerRelationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    managerId: { type: String, required: true },
    manageeId: { type: String, required: true },
    status: { type: String, required: true, enum: MANAGER_RELATION_STATUSES },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    removedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'manager_relations', versionKey: false },
);

/** One relation document per manager and managee: removal leaves it as a tombstone. */
ManagerRelationSchema.index({ tenantId: 1, managerId: 1, manageeId: 1 }, { unique: true });
/** The compare-and-set of an update names exactly these fields, which the local stand-in then serves from an index. */
ManagerRelationSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'manager_relation_version' },
);
/**
 * A manager's active managees (its list; ID-R1 whether it has any). MongoDB serves it from this
 * index; the stand-in scans the relations (an administrator's page or change, cold).
 */
ManagerRelationSchema.index({ tenantId: 1, managerId: 1, status: 1, _id: 1 });
