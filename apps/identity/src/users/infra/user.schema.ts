import { Schema } from 'mongoose';
import { USER_STATES, type UserState } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { SUPPORTED_LOCALES, type Locale } from '../domain/user';

export interface UserDocument {
  _id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  state: UserState;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const USER_MODEL = 'User';

export const UserSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    email: { type: String, required: true },
    emailNormalized: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    locale: { type: String, required: true, enum: SUPPORTED_LOCALES },
    state: { type: String, required: true, enum: USER_STATES },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'users', versionKey: false },
);

/** One user per email and tenant, whatever the case of the email. */
UserSchema.index({ tenantId: 1, emailNormalized: 1 }, { unique: true });
