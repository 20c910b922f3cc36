import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { PERMISSION_RIGHTS, type PermissionRight } from '../domain/permission-profile';

export interface PermissionProfileDocument {
  _id: string;
  tenantId: string;
  name: string;
  rights: PermissionRight[];
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Events written with the profile, waiting for the relay (rule 1). */
  outbox: OutboxEntry[];
}

export const PERMISSION_PROFILE_MODEL = 'PermissionProfile';

export const PermissionProfileSchema = new Schema<PermissionProfileDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    rights: { type: [{ type: String, enum: PERMISSION_RIGHTS }], default: [] },
    description: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'permission_profiles', versionKey: false },
);

/**
 * One profile per name and tenant: its key. Read at every request of a power user on another
 * user (ID-U2), by exactly these fields, which both engines serve from this index. MongoDB
 * also lists a tenant's profiles in name order from it; the local stand-in scans for the list
 * (a cold path: an administrator's page, profiles are few).
 */
PermissionProfileSchema.index({ tenantId: 1, name: 1 }, { unique: true });
/**
 * Compare-and-set of a replacement: exactly these fields, so that the local stand-in serves
 * the filter from an index too (MongoDB uses `_id`).
 */
PermissionProfileSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'permission_profile_version' },
);
