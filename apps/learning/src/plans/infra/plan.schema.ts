import { Schema } from 'mongoose';

export const PLAN_MODEL = 'Plan';

export interface PlanDocument {
  _id: string;
  tenantId: string;
  title: string;
  description: string | null;
  courseIds: string[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const PlanSchema = new Schema<PlanDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    courseIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'plans', versionKey: false },
);

// Compare-and-set of a change and a deletion: exactly these fields, so that the local
// stand-in serves the filter from an index too (MongoDB uses `_id`). Reads by id use `_id`
// alone and check the tenant in code.
PlanSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'plan_version' });
// The tenant's plans in creation order (`GET /v1/plans`). Non-unique: real MongoDB only; the
// stand-in scans.
PlanSchema.index({ tenantId: 1, _id: 1 });
