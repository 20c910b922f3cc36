import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import {
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  PENDING_REASONS,
  type DeliveryKind,
  type MailContext,
  type DeliveryStatus,
  type PendingReason,
} from '../domain/delivery';

export const DELIVERY_MODEL = 'Delivery';

export interface DeliveryDocument {
  _id: string;
  tenantId: string;
  sourceEventId: string;
  sourceType: string;
  recipientId: string;
  kind: DeliveryKind;
  channel: 'email';
  status: DeliveryStatus;
  pendingReason: PendingReason | null;
  context: MailContext;
  digestKey: string | null;
  digestId: string | null;
  attempts: number;
  nextAttemptAt: Date;
  /** The claim: until then, only `lockOwner` may change the delivery. Epoch when free. */
  lockedUntil: Date;
  lockOwner: string | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const DeliverySchema = new Schema<DeliveryDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    sourceEventId: { type: String, required: true },
    sourceType: { type: String, required: true },
    recipientId: { type: String, required: true },
    kind: { type: String, enum: DELIVERY_KINDS, required: true },
    channel: { type: String, enum: ['email'], required: true },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    pendingReason: { type: String, enum: [...PENDING_REASONS, null], default: null },
    context: { type: Schema.Types.Mixed, required: true },
    digestKey: { type: String, default: null },
    digestId: { type: String, default: null },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    lockedUntil: { type: Date, required: true },
    lockOwner: { type: String, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'deliveries', versionKey: false, minimize: false },
);

/**
 * NO-2: one delivery per event, recipient and kind, whatever the number of redeliveries. New
 * deliveries have an `_id` derived from this key (`deliveryIdOf`) and are written by `_id`;
 * the index also keeps a delivery written before that (with a random id) from being doubled.
 */
DeliverySchema.index({ tenantId: 1, sourceEventId: 1, recipientId: 1, kind: 1 }, { unique: true });
/**
 * The claim's compare-and-set filter is exactly `{_id, version, lockOwner}`. Unique trivially
 * (it starts with `_id`): declared so that the local stand-in database, which serves a filter
 * from an index only when it names exactly a unique index's fields, serves it too; MongoDB
 * serves it by `_id`.
 */
DeliverySchema.index({ _id: 1, version: 1, lockOwner: 1 }, { unique: true, name: 'claim_compare_and_set' });
/**
 * A digest's change of its members is a filter on exactly `{_id, tenantId, status,
 * pendingReason}` (only a mail of the tenant still waiting for its digest window changes).
 * Unique trivially, declared for the stand-in as the claim's is.
 */
DeliverySchema.index(
  { _id: 1, tenantId: 1, status: 1, pendingReason: 1 },
  { unique: true, name: 'digest_member' },
);
// The mails of one digest key still waiting for their window, oldest first (MongoDB; the stand-in scans).
DeliverySchema.index({ tenantId: 1, digestKey: 1, status: 1, pendingReason: 1, createdAt: 1, _id: 1 });
// Look-ups of the sender and the delivery log (no-ops on the local stand-in database, used by
// MongoDB): the tenants with due work, then each tenant's due deliveries, oldest first.
DeliverySchema.index({ status: 1, nextAttemptAt: 1 });
DeliverySchema.index({ status: 1, tenantId: 1, nextAttemptAt: 1, _id: 1 });
DeliverySchema.index({ tenantId: 1, recipientId: 1, status: 1, createdAt: -1 });
DeliverySchema.index({ tenantId: 1, status: 1, createdAt: -1 });
// The log by recipient (every user's own), by kind, and of the tenant, each within a time range, newest first.
DeliverySchema.index({ tenantId: 1, recipientId: 1, createdAt: -1 });
DeliverySchema.index({ tenantId: 1, kind: 1, createdAt: -1 });
DeliverySchema.index({ tenantId: 1, createdAt: -1 });
