import { Schema } from 'mongoose';
import { MAIL_CATEGORIES, type MailCategory } from '../domain/mail-preferences';

export const PREFERENCE_MODEL = 'Preference';

export interface PreferenceDocument {
  /** `${tenantId}:${userId}` (preferencesKey). */
  _id: string;
  tenantId: string;
  userId: string;
  optedOut: MailCategory[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const PreferenceSchema = new Schema<PreferenceDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    optedOut: { type: [{ type: String, enum: MAIL_CATEGORIES }], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'preferences', versionKey: false },
);

/**
 * A change is a compare-and-set on exactly `{_id, version}`: unique trivially (it starts with
 * `_id`), declared so that the local stand-in database serves it from an index (MongoDB uses
 * `_id`). Every read is by `_id` (one user) or `_id: {$in}` (the recipients of a dispatch chunk).
 */
PreferenceSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
