import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { PLAN_STATES, type PlanState } from '../domain/plan-state';

export const PLAN_ENROLLMENT_MODEL = 'PlanEnrollment';

export interface PlanEnrollmentDocument {
  _id: string;
  tenantId: string;
  planId: string;
  userId: string;
  courseIds: string[];
  state: PlanState;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const PlanEnrollmentSchema = new Schema<PlanEnrollmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    planId: { type: String, required: true },
    userId: { type: String, required: true },
    courseIds: { type: [String], default: [] },
    state: { type: String, required: true, enum: PLAN_STATES },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'plan_enrollments', versionKey: false },
);

// One enrollment per tenant, plan and learner (LE-P1), and the read of a learner's enrollment
// in a plan: exactly these fields, which both engines serve from the index.
PlanEnrollmentSchema.index(
  { tenantId: 1, planId: 1, userId: 1 },
  { unique: true, name: 'plan_enrollment_key' },
);
// Compare-and-set of a state recomputed: exactly these fields, so that the local stand-in
// serves the filter from an index too (MongoDB uses `_id`).
PlanEnrollmentSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'plan_enrollment_version' },
);
// A plan's learners (`GET /v1/plans/{id}/enrollments`, and whether it has any) and a learner's
// plans (`GET /v1/me/plans`, and the plans an enrollment event touches), in creation order.
// Non-unique: real MongoDB only; the stand-in scans.
PlanEnrollmentSchema.index({ tenantId: 1, planId: 1, _id: 1 });
PlanEnrollmentSchema.index({ tenantId: 1, userId: 1, _id: 1 });
