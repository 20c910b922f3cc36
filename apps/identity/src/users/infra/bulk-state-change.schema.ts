import { Schema } from 'mongoose';
import {
  BULK_STATE_CHANGE_STATES,
  BULK_STATE_OUTCOMES,
  type BulkStateChangeState,
  type BulkStateOutcome,
} from '../domain/bulk-state-change';
import { STATE_ACTIONS, type StateAction } from '../domain/user-lifecycle';

/** `_id` is the change's id. */
export interface BulkStateChangeDocument {
  _id: string;
  tenantId: string;
  actor: { tenantId: string; userId: string | null; level: string; roles: string[] };
  action: StateAction;
  userIds: string[];
  results: Array<{ userId: string; outcome: BulkStateOutcome }>;
  state: BulkStateChangeState;
  createdAt: Date;
  finishedAt: Date | null;
  version: number;
}

export const BULK_STATE_CHANGE_MODEL = 'BulkStateChange';

const ActorSchema = new Schema(
  {
    tenantId: { type: String, required: true },
    userId: { type: String, default: null },
    level: { type: String, required: true },
    roles: { type: [String], default: [] },
  },
  { _id: false },
);

const ResultSchema = new Schema(
  {
    userId: { type: String, required: true },
    outcome: { type: String, required: true, enum: BULK_STATE_OUTCOMES },
  },
  { _id: false },
);

export const BulkStateChangeSchema = new Schema<BulkStateChangeDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    actor: { type: ActorSchema, required: true },
    action: { type: String, required: true, enum: STATE_ACTIONS },
    userIds: { type: [String], default: [] },
    results: { type: [ResultSchema], default: [] },
    state: { type: String, required: true, enum: BULK_STATE_CHANGE_STATES },
    createdAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'user_bulk_state_changes', versionKey: false, minimize: false },
);

/**
 * Compare-and-set of a chunk's progress: exactly these fields, so that the local stand-in
 * serves the filter from an index too (MongoDB uses `_id`).
 */
BulkStateChangeSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'bulk_state_change_version' },
);
/**
 * The changes still running, which the job runner looks for at start-up and every minute
 * (a no-op on the local stand-in, which scans the changes: a cold path).
 */
BulkStateChangeSchema.index({ state: 1, _id: 1 });
