import { Schema } from 'mongoose';
import { TENANT_STATES, type TenantState } from '@lms/contracts';

export interface CoachingTenantDocument {
  /** The tenant's code, which is its id. */
  _id: string;
  state: TenantState;
  timezone: string;
  version: number;
  updatedAt: Date;
}

export const COACHING_TENANT_MODEL = 'CoachingTenant';

export const CoachingTenantSchema = new Schema<CoachingTenantDocument>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true, enum: TENANT_STATES },
    timezone: { type: String, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'tenant_projections', versionKey: false },
);

// One document per tenant, keyed by its code as `_id`: reads and writes go by `_id`, which both
// engines serve from the `_id` index. This index only makes the compare-and-set filter
// `{_id, version}` an exact match of a unique index, which the local stand-in serves from an
// index too (MongoDB uses the `_id` index for it).
CoachingTenantSchema.index({ _id: 1, version: 1 }, { unique: true });
