import { Schema } from 'mongoose';

export const SESSION_SEATS_MODEL = 'SessionSeats';

export interface SessionSeatsDocument {
  /** The session's id. */
  _id: string;
  tenantId: string;
  /** The enrollments holding a seat, in the order they took it. */
  holders: string[];
  version: number;
}

export const SessionSeatsSchema = new Schema<SessionSeatsDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    holders: { type: [String], default: [] },
    version: { type: Number, required: true },
  },
  { collection: 'session_seats', versionKey: false },
);

// Compare-and-set of a seat taken or freed (LE-E2): exactly these fields, so that the local
// stand-in serves the filter from an index too (MongoDB uses `_id`). The one write that wins
// decides who holds the seat; the capacity is never exceeded.
SessionSeatsSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'session_seats_version' });
