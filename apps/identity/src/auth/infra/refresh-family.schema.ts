import { Schema } from 'mongoose';

export interface RefreshFamilyDocument {
  _id: string;
  tenantId: string;
  userId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export const REFRESH_FAMILY_MODEL = 'RefreshFamily';

/** Read by `_id` at every refresh; the tenant is checked in code. */
export const RefreshFamilySchema = new Schema<RefreshFamilyDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'refresh_families', versionKey: false },
);

/**
 * Revocation writes only a family of the tenant not yet revoked: exactly these fields, so that
 * the local stand-in serves the filter from an index too (MongoDB uses `_id`).
 */
RefreshFamilySchema.index(
  { _id: 1, tenantId: 1, revokedAt: 1 },
  { unique: true, name: 'refresh_family_revocation' },
);
