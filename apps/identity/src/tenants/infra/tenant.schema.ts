import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { ADMIN_ROLES } from '../../users/domain/user';
import {
  TENANT_LIFECYCLE_STATES,
  type PendingAdministrator,
  type TenantLifecycleState,
} from '../domain/tenant';

/** Stored as the domain holds it, while the tenant is provisioning. */
export type PendingAdministratorDocument = PendingAdministrator;

/** `_id` is the tenant's code. */
export interface TenantDocument {
  _id: string;
  name: string;
  /** Absent from a tenant stored before tenants had a time zone: read as UTC. */
  timezone?: string;
  state: TenantLifecycleState;
  pendingAdministrator: PendingAdministratorDocument | null;
  /** Absent from tenants stored before tenants had an owner. */
  ownerId?: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const TENANT_MODEL = 'Tenant';

const PendingAdministratorSchema = new Schema<PendingAdministratorDocument>(
  {
    userId: { type: String, required: true },
    email: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    adminRoles: { type: [{ type: String, enum: ADMIN_ROLES }], default: [] },
    passwordHash: { type: String, required: true },
  },
  { _id: false },
);

export const TenantSchema = new Schema<TenantDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    timezone: { type: String },
    state: { type: String, required: true, enum: TENANT_LIFECYCLE_STATES },
    pendingAdministrator: { type: PendingAdministratorSchema, default: null },
    ownerId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'tenants', versionKey: false },
);

/**
 * Compare-and-set of an update: exactly these fields, so that the local stand-in serves the
 * filter from an index too (MongoDB uses `_id`).
 */
TenantSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'tenant_version' });
/**
 * Lists the tenants of one state in code order (a no-op on the local stand-in database,
 * which scans: tenants are few, and the list is a cold path).
 */
TenantSchema.index({ state: 1, _id: 1 });
