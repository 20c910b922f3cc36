import { Schema } from 'mongoose';
import { USER_STATES, type UserState } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import {
  ADMIN_ROLES,
  PLATFORM_LEVELS,
  SUPPORTED_LOCALES,
  type AdminRole,
  type Locale,
  type PlatformLevel,
  type PowerUserScope,
  type StateBeforeExpiry,
} from '../domain/user';

export interface UserDocument {
  _id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  timezone: string;
  customFields: Record<string, string>;
  level: PlatformLevel;
  adminRoles: AdminRole[];
  state: UserState;
  expiresAt: Date | null;
  stateBeforeExpiry: StateBeforeExpiry | null;
  firstAccessAt: Date | null;
  powerUserScope: PowerUserScope | null;
  permissionProfile: string | null;
  isManager: boolean;
  isAgent: boolean;
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
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
    timezone: { type: String, required: true },
    customFields: { type: Schema.Types.Mixed, default: {} },
    level: { type: String, required: true, enum: PLATFORM_LEVELS },
    adminRoles: { type: [{ type: String, enum: ADMIN_ROLES }], default: [] },
    state: { type: String, required: true, enum: USER_STATES },
    expiresAt: { type: Date, default: null },
    stateBeforeExpiry: {
      type: String,
      default: null,
      enum: [...USER_STATES.filter((state) => state !== 'expired'), null],
    },
    firstAccessAt: { type: Date, default: null },
    powerUserScope: { type: Schema.Types.Mixed, default: null },
    permissionProfile: { type: String, default: null },
    isManager: { type: Boolean, default: false },
    isAgent: { type: Boolean, default: false },
    passwordHash: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'users', versionKey: false, minimize: false },
);

/** One user per email and tenant, whatever the case of the email. */
UserSchema.index({ tenantId: 1, emailNormalized: 1 }, { unique: true });

/**
 * Compare-and-set of an update: exactly these fields, so that the local stand-in serves the
 * filter from an index too (MongoDB uses `_id`).
 */
UserSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'user_version' });

/**
 * The expiry sweep (ID-U3) looks for `expiresAt <= now`: MongoDB serves that range from this
 * index; the local stand-in cannot serve a range from an index and scans, which is why the
 * sweep pages by `_id` in bounded batches on an interval, off every request's path.
 */
UserSchema.index({ expiresAt: 1 });

/**
 * ID-T2: a tenant's accounts not deactivated yet, a page per chunk of its deletion. MongoDB
 * serves it from this index; the local stand-in scans the users, once per chunk of a job.
 */
UserSchema.index({ tenantId: 1, state: 1, _id: 1 });

/**
 * ID-U2: whether any user holds a permission profile, asked before the profile is deleted.
 * MongoDB serves it from this index; the local stand-in scans the users, which only that
 * deletion (a cold path, an administrator's) pays.
 */
UserSchema.index({ tenantId: 1, permissionProfile: 1 });
