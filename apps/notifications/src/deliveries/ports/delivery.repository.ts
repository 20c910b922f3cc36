import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { DigestMember } from '../domain/coach-digest';
import type { Delivery, DeliveryClaim, DeliveryKind, DeliveryRef, DeliveryStatus } from '../domain/delivery';

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
  kind?: DeliveryKind;
  /** Created at or after this instant. */
  from?: Date;
  /** Created before this instant. */
  to?: Date;
}

/** The deliveries waiting for one recipient to become known. */
export interface WaitingDeliveries {
  tenantId: string;
  recipientId: string;
  deliveryIds: string[];
}

/** One recipient of one tenant. */
export interface RecipientRef {
  tenantId: string;
  recipientId: string;
}

/** A change of state written together with the claim's release. */
export interface DeliveryUpdate {
  attempts?: number;
  nextAttemptAt?: Date;
  lastError?: string | null;
  sentAt?: Date;
  updatedAt: Date;
}

/** A mail the server accepted, to record as sent while its claim holds. */
export interface SentMark {
  claim: DeliveryClaim;
  update: DeliveryUpdate & { sentAt: Date; attempts: number };
  event: OutboxEntry;
}

/**
 * Deliveries, scoped by tenant in every method but the sender's look-up of due work.
 * The `mark*` methods apply only while the claim they present still holds (same owner, same
 * version), and release it; they return false (and change nothing) when it does not.
 */
export interface DeliveryRepository {
  /**
   * Creates each delivery unless one with the same natural key exists, and returns the stored
   * one either way, in the order given (the same delivery twice in the list is stored once).
   */
  ensureMany(deliveries: readonly Delivery[]): Promise<Delivery[]>;
  /** {@link ensureMany} of one delivery. */
  ensure(delivery: Delivery): Promise<Delivery>;
  /**
   * Takes the pending deliveries whose lease has expired (and whose next attempt is due,
   * unless told to ignore the schedule), all for `request.owner`. Returns those it took; a
   * delivery another claimant took first is left out, so a delivery is taken by one claim only.
   */
  claimMany(refs: readonly DeliveryRef[], request: ClaimRequest): Promise<Delivery[]>;
  /** {@link claimMany} of one delivery; null when it is not pending, not due or taken. */
  claim(ref: DeliveryRef, request: ClaimRequest): Promise<Delivery | null>;
  /**
   * Pending again until `nextAttemptAt`, and listed among the deliveries waiting for its
   * recipient, so that the recipient's arrival finds it ({@link findWaitingFor}).
   */
  markWaitingForRecipient(
    claim: DeliveryClaim,
    update: DeliveryUpdate & { nextAttemptAt: Date },
  ): Promise<boolean>;
  markRetry(
    claim: DeliveryClaim,
    update: DeliveryUpdate & { nextAttemptAt: Date; attempts: number },
  ): Promise<boolean>;
  /**
   * Sent, each with its `delivery.sent` event in the same write, in one bulk write. Returns the
   * ids of those recorded as sent by these claims: a claim that no longer held is left out; a
   * mark written before (the same claim and `sentAt`, a retry after a lost answer) is in.
   */
  markSentMany(marks: readonly SentMark[]): Promise<Set<string>>;
  /** Parked, with its `delivery.failed` event in the same write. */
  markFailed(
    claim: DeliveryClaim,
    update: DeliveryUpdate & { attempts: number; lastError: string },
    event: OutboxEntry,
  ): Promise<boolean>;
  /** Nothing will be sent (the recipient was deleted). */
  markCancelled(claim: DeliveryClaim, update: DeliveryUpdate & { lastError: string }): Promise<boolean>;
  /** Releases the claim and leaves the delivery pending as it was, due again at `nextAttemptAt`. */
  postpone(claim: DeliveryClaim, update: DeliveryUpdate & { nextAttemptAt: Date }): Promise<boolean>;
  /**
   * The tenant's deliveries of this digest key still waiting for their digest window
   * (`digest_window`), due or not, claimed or not, oldest first, up to `limit`.
   */
  findDigestMembers(tenantId: string, digestKey: string, limit: number): Promise<DigestMember[]>;
  /**
   * These deliveries of the tenant (read by {@link findDigestMembers}) went out in the digest
   * `digestId`: `digested`, whoever held their claims (such a claim is void). Only those still
   * waiting for their digest window change; returns how many did.
   */
  markDigested(
    tenantId: string,
    deliveryIds: readonly string[],
    digestId: string,
    now: Date,
  ): Promise<number>;
  /**
   * These deliveries of the tenant go out alone: no longer waiting for a digest, due now.
   * Claims held on them stay. Only those still waiting for their digest window change.
   */
  sendAlone(tenantId: string, deliveryIds: readonly string[], now: Date): Promise<number>;
  /**
   * The deliveries listed as waiting for these recipients (one entry per recipient that has
   * any). The list may name deliveries that no longer wait: claiming them sorts that out.
   */
  findWaitingFor(recipients: readonly RecipientRef[]): Promise<WaitingDeliveries[]>;
  /** Takes deliveries off their recipient's waiting list (they were sent, or no longer wait). */
  forgetWaiting(entries: readonly WaitingDeliveries[]): Promise<void>;
  /**
   * Pending deliveries whose next attempt is due and whose lease has expired, in every
   * tenant (the sender is a system job; each later step is scoped by the ref's tenant): up to
   * `limit`, each tenant's oldest first, the tenants taking turns (`takeTurns`), so that one
   * tenant's burst does not hold back another's mail.
   */
  findDueAcrossTenants(now: Date, limit: number): Promise<DeliveryRef[]>;
  /**
   * The pending ones of these deliveries become due now (their recipient just arrived), for
   * the sender to take; their claims, versions and attempts stay. Returns those it changed.
   */
  makeDue(refs: readonly DeliveryRef[], now: Date): Promise<DeliveryRef[]>;
  /** One delivery of the tenant, or null (another tenant's is not found). */
  find(ref: DeliveryRef): Promise<Delivery | null>;
  /**
   * A delivery that is not claimed goes back to pending (NO-5: an administrator retries a
   * parked one), due at `nextAttemptAt`, if it is still at `expectedVersion`; else `stale`
   * and nothing changes. Its attempts and last error stay.
   */
  requeue(
    ref: DeliveryRef,
    expectedVersion: number,
    update: { nextAttemptAt: Date; updatedAt: Date },
  ): Promise<WriteOutcome>;
  /** The delivery log, newest first. */
  list(tenantId: string, filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>>;
}
