import { Schema } from 'mongoose';

export const WAITING_RECIPIENT_MODEL = 'WaitingRecipient';

/**
 * The deliveries waiting for one recipient to become known, so that the recipient's
 * `user.created` finds them by `_id` (`${tenantId}:${recipientId}`) instead of searching the
 * deliveries. A hint: a listed delivery may have been sent since; the claim decides.
 */
export interface WaitingRecipientDocument {
  _id: string;
  tenantId: string;
  recipientId: string;
  /** The most recent ones, at most `WAITING_LIST_MAX`; the sender finds any others when they are due. */
  deliveryIds: string[];
  updatedAt: Date;
}

export const WaitingRecipientSchema = new Schema<WaitingRecipientDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recipientId: { type: String, required: true },
    deliveryIds: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'waiting_recipients', versionKey: false },
);
