import { Schema } from 'mongoose';
import { USER_STATES } from '@lms/contracts';

export const RECIPIENT_MODEL = 'Recipient';

export interface RecipientDocument {
  /** `${tenantId}:${userId}` (recipientKey). */
  _id: string;
  tenantId: string;
  userId: string;
  email: string | null;
  /** `email` trimmed and lower-case, for the look-up of an invited address; absent on rows stored before. */
  emailNormalized?: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  /** Absent on a row stored before the users stream carried it. */
  timezone?: string | null;
  state: string | null;
  /** Absent on a row stored before the users stream carried it. */
  expiresAt?: Date | null;
  deleted: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const RecipientSchema = new Schema<RecipientDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    email: { type: String, default: null },
    emailNormalized: { type: String, default: null },
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    locale: { type: String, default: 'en' },
    timezone: { type: String, default: null },
    state: { type: String, enum: [...USER_STATES, null], default: null },
    expiresAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'recipients', versionKey: false },
);

/**
 * One projection row per user and tenant. The `_id` is that key already; the index stays so
 * that a row written before (with a random id) can never be doubled by a new one.
 */
RecipientSchema.index({ tenantId: 1, userId: 1 }, { unique: true });
/**
 * The projection's compare-and-set filter is exactly `{_id, version}`: unique trivially,
 * declared so that the local stand-in database serves it from an index (MongoDB uses `_id`).
 */
RecipientSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
/**
 * An invited address to its account (ID-G2: the invitation's mail is in the account's
 * language): rare, once per chunk of invitation mails. Not unique: a tombstone has no address,
 * and the projection may hold an address twice for a while (one user's change not yet seen).
 */
RecipientSchema.index({ tenantId: 1, emailNormalized: 1 });
