import { Schema } from 'mongoose';

export const MANAGER_RELATION_MODEL = 'ManagerRelation';

export interface ManagerRelationDocument {
  /** `${tenantId}:${managerId}:${manageeId}` (managerRelationKey). */
  _id: string;
  tenantId: string;
  managerId: string;
  manageeId: string;
  active: boolean;
  version: number;
  updatedAt: Date;
}

export const ManagerRelationSchema = new Schema<ManagerRelationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    managerId: { type: String, required: true },
    manageeId: { type: String, required: true },
    active: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'manager_relations', versionKey: false },
);

// Keyed by its natural key as `_id`: the read of one relation (`manages`) and the batch's reads
// are by `_id`. This index only makes the compare-and-set filter `{_id, version}` an exact match
// of a unique index, which the local stand-in then serves from an index too.
ManagerRelationSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
