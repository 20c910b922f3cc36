import type { Delivery, DeliveryKind, DeliveryStatus, PendingReason } from '../domain/delivery';

/** One entry of the delivery log. */
export class DeliveryResponseDto {
  id!: string;
  recipientId!: string;
  kind!: DeliveryKind;
  sourceEventId!: string;
  status!: DeliveryStatus;
  /** Why a pending delivery is not sent yet. */
  pendingReason?: PendingReason;
  attempts!: number;
  createdAt!: string;
  sentAt!: string | null;
  /** When a pending delivery is tried next. */
  nextAttemptAt?: string;
  lastError?: string;
  /** The digest a `digested` delivery went out in (one mail for many, NO-2). */
  digestId?: string;

  static from(delivery: Delivery): DeliveryResponseDto {
    return {
      id: delivery.id,
      recipientId: delivery.recipientId,
      kind: delivery.kind,
      sourceEventId: delivery.sourceEventId,
      status: delivery.status,
      ...(delivery.pendingReason ? { pendingReason: delivery.pendingReason } : {}),
      attempts: delivery.attempts,
      createdAt: delivery.createdAt.toISOString(),
      sentAt: delivery.sentAt ? delivery.sentAt.toISOString() : null,
      ...(delivery.status === 'pending' ? { nextAttemptAt: delivery.nextAttemptAt.toISOString() } : {}),
      ...(delivery.lastError ? { lastError: delivery.lastError } : {}),
      ...(delivery.digestId ? { digestId: delivery.digestId } : {}),
    };
  }
}
