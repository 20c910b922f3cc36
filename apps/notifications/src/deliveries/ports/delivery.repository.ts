import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/service-kit';
import type { Delivery, DeliveryRef, DeliveryStatus } from '../domain/delivery';

export const DELIVERY_REPOSITORY = Symbol('DELIVERY_REPOSITORY');

export interface ClaimRequest {
  now: Date;
  /** The claim holds until then; another instance can take the delivery only afterwards. */
  leaseUntil: Date;
  /** Who holds the claim: every later write of this dispatch must present it. */
  owner: string;
  /** Claim even if its next attempt is not due yet (the recipient it waited for just arrived). */
  ignoreSchedule?: boolean;
}

export interface DeliveryFilter {
  recipientId?: string;
  sourceEventId?: string;
  status?: DeliveryStatus;
}

/** A change of state written together with the claim's release. */
export interface DeliveryUpdate {
  attempts?: number;
  nextAttemptAt?: Date;
  lastError?: string | null;
  sentAt?: Date;
  updatedAt: Date;
}

/**
 * Deliveries, scoped by tenant in every method but the sweeper's look-up of due work.
 * The `mark*` methods apply only while `owner` still holds the claim, and release it; they
 * return false (and change nothing) when it does not.
 */
export interface DeliveryRepository {
  /**
   * Creates the delivery unless one with the same natural key exists (upsert with
   * `$setOnInsert` under a unique index) and returns the stored one either way.
   */
  ensure(delivery: Delivery): Promise<Delivery>;
  /** Takes a pending delivery whose lease has expired; null when it is not pending, not due or taken. */
  claim(ref: DeliveryRef, request: ClaimRequest): Promise<Delivery | null>;
  markWaitingForRecipient(
    ref: DeliveryRef,
    owner: string,
    update: DeliveryUpdate & { nextAttemptAt: Date },
  ): Promise<boolean>;
  markRetry(
    ref: DeliveryRef,
    owner: string,
    update: DeliveryUpdate & { nextAttemptAt: Date; attempts: number },
  ): Promise<boolean>;
  /** Sent, with its `delivery.sent` event in the same write. */
  markSent(
    ref: DeliveryRef,
    owner: string,
    update: DeliveryUpdate & { sentAt: Date; attempts: number },
    event: OutboxEntry,
  ): Promise<boolean>;
  /** Parked, with its `delivery.failed` event in the same write. */
  markFailed(
    ref: DeliveryRef,
    owner: string,
    update: DeliveryUpdate & { attempts: number; lastError: string },
    event: OutboxEntry,
  ): Promise<boolean>;
  /** Nothing will be sent (the recipient was deleted). */
  markCancelled(
    ref: DeliveryRef,
    owner: string,
    update: DeliveryUpdate & { lastError: string },
  ): Promise<boolean>;
  /** Pending deliveries of a recipient that wait for the recipient to become known. */
  findWaitingForRecipient(tenantId: string, recipientId: string, limit: number): Promise<DeliveryRef[]>;
  /**
   * Pending deliveries whose next attempt is due and whose lease has expired, in every
   * tenant: the retry sweeper is a system job. Each later step is scoped by the ref's tenant.
   */
  findDueAcrossTenants(now: Date, limit: number): Promise<DeliveryRef[]>;
  /** The delivery log, newest first. */
  list(tenantId: string, filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>>;
}
