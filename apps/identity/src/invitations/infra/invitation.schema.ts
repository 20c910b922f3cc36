import { Schema } from 'mongoose';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { INVITATION_STATUSES, type InvitationStatus } from '../domain/invitation';

export interface InvitationDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  email: string;
  emailNormalized: string;
  userId: string | null;
  roles: GroupRole[];
  status: InvitationStatus;
  invitedBy: string | null;
  reminders: number;
  lastSentAt: Date;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const INVITATION_MODEL = 'Invitation';

export const InvitationSchema = new Schema<InvitationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    email: { type: String, required: true },
    emailNormalized: { type: String, required: true },
    userId: { type: String, default: null },
    roles: { type: [{ type: String, enum: GROUP_ROLES }], required: true },
    status: { type: String, required: true, enum: INVITATION_STATUSES },
    invitedBy: { type: String, default: null },
    reminders: { type: Number, required: true },
    lastSentAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'group_invitations', versionKey: false },
);

/** The compare-and-set of an update names exactly these fields, which the local stand-in then serves from an index. */
InvitationSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'invitation_version' });
/** A group's invitations, oldest first (an administrator's list: a scan on the local stand-in, an index on MongoDB). */
InvitationSchema.index({ tenantId: 1, groupId: 1, _id: 1 });
