import { Schema } from 'mongoose';

export const PROFILE_RIGHTS_MODEL = 'ProfileRights';

export interface ProfileRightsDocument {
  /** `${tenantId}:${profileId}` (profileRightsKey). */
  _id: string;
  tenantId: string;
  profileId: string;
  name: string;
  rights: string[];
  version: number;
  updatedAt: Date;
}

export const ProfileRightsSchema = new Schema<ProfileRightsDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    profileId: { type: String, required: true },
    name: { type: String, required: true },
    rights: { type: [String], default: [] },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'permission_profiles', versionKey: false },
);

// The compare-and-set filter `{_id, version}` of the batch writes: an exact match of a unique
// index on both engines.
ProfileRightsSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
// A power user's request reads the profiles of one name in its tenant (usually one): MongoDB
// serves it from this index; the local stand-in scans this small collection (a tenant defines
// a handful of profiles).
ProfileRightsSchema.index({ tenantId: 1, name: 1 });
