import { Schema } from 'mongoose';

export interface FailureCounterDocument {
  /** The counter's key: `account:` or `address:` and a SHA-256, so no e-mail or address is stored. */
  _id: string;
  windowStartedAt: Date;
  windowEndsAt: Date;
  failures: number;
  version: number;
}

export const FAILURE_COUNTER_MODEL = 'FailureCounter';

export const FailureCounterSchema = new Schema<FailureCounterDocument>(
  {
    _id: { type: String, required: true },
    windowStartedAt: { type: Date, required: true },
    windowEndsAt: { type: Date, required: true },
    failures: { type: Number, required: true, min: 1 },
    version: { type: Number, required: true },
  },
  { collection: 'login_failure_counters', versionKey: false },
);

/**
 * Compare-and-set of a new window: exactly these fields, so that the local stand-in serves the
 * filter from an index too (MongoDB uses `_id`). Reads and increments go by `_id`.
 */
FailureCounterSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'failure_counter_version' });

/** MongoDB deletes a counter once its window has ended (the stand-in keeps it; it is ignored then). */
FailureCounterSchema.index({ windowEndsAt: 1 }, { expireAfterSeconds: 0, name: 'failure_counter_expiry' });
