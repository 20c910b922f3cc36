import { Schema } from 'mongoose';

export interface AdminRegistryDocument {
  /** The tenant's id: one registry per tenant. */
  _id: string;
  applicationAdmins: string[];
  systemAdmins: string[];
  inactive: string[];
  unsettled: Array<{ userId: string; since: Date }>;
  version: number;
}

export const ADMIN_REGISTRY_MODEL = 'AdminRegistry';

export const AdminRegistrySchema = new Schema<AdminRegistryDocument>(
  {
    _id: { type: String, required: true },
    applicationAdmins: { type: [String], default: [] },
    systemAdmins: { type: [String], default: [] },
    inactive: { type: [String], default: [] },
    unsettled: {
      type: [
        new Schema(
          { userId: { type: String, required: true }, since: { type: Date, required: true } },
          { _id: false },
        ),
      ],
      default: [],
    },
    version: { type: Number, required: true },
  },
  { collection: 'tenant_admins', versionKey: false, minimize: false },
);

/**
 * Compare-and-set of every change: exactly these fields, so that the local stand-in serves
 * the filter from an index too (MongoDB uses `_id`).
 */
AdminRegistrySchema.index({ _id: 1, version: 1 }, { unique: true, name: 'tenant_admins_version' });
