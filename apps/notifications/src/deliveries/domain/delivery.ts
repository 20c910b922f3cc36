/**
 * A delivery: one mail of one kind to one recipient because of one source event (NO-2).
 * Its natural key `(tenantId, sourceEventId, recipientId, kind)` is unique, so a
 * redelivered event can never create, and never send, a second one.
 */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why a pending delivery has not been sent yet. */
export const PENDING_REASONS = ['waiting_recipient', 'retry_backoff'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

export const DELIVERY_KINDS = [
  'assignment.created.mentee',
  'assignment.created.coach',
  'assignment.ended.mentee',
  'assignment.ended.coach',
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export type DeliveryChannel = 'email';

/** What the mail talks about, copied from the source event (event-carried state). */
export interface AssignmentMailContext {
  assignmentId: string;
  menteeId: string;
  coachIds: string[];
  origin: 'individual' | 'group';
  groupAssignmentId: string | null;
  groupId: string | null;
  startDate: string;
  endDate: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export interface DeliveryKey {
  tenantId: string;
  sourceEventId: string;
  recipientId: string;
  kind: DeliveryKind;
}

export interface Delivery extends DeliveryKey {
  id: string;
  sourceType: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  pendingReason: PendingReason | null;
  context: AssignmentMailContext;
  /**
   * Deliveries with the same digest key may later be sent as one digest mail (NO-2: a coach
   * receiving many mentees of one group assignment). Null when the delivery is always sent alone.
   */
  digestKey: string | null;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Aggregate version: 1 at creation, +1 with every change of state. */
  version: number;
}

/** Points at one delivery of one tenant. */
export interface DeliveryRef {
  tenantId: string;
  deliveryId: string;
}

/** The users a mail names besides its recipient: coaches for the mentee, the mentee for a coach. */
export function counterpartIds(delivery: Pick<Delivery, 'kind' | 'context'>): string[] {
  return delivery.kind.endsWith('.mentee') ? delivery.context.coachIds : [delivery.context.menteeId];
}
