import { Schema } from 'mongoose';
import { USER_STATES } from '@lms/contracts';

export const RECIPIENT_MODEL = 'Recipient';

export interface RecipientDocument {
  _id: string;
  tenantId: string;
  userId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  state: string | null;
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
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    locale: { type: String, default: 'en' },
    state: { type: String, enum: [...USER_STATES, null], default: null },
    deleted: { type: Boolean, default: false },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'recipients', versionKey: false },
);

/** One projection row per user and tenant: the upsert relies on it to ignore stale events. */
RecipientSchema.index({ tenantId: 1, userId: 1 }, { unique: true });
