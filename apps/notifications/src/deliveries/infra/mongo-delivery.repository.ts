import { Injectable } from '@nestjs/common';
import { trusted, type Model, type mongo } from 'mongoose';
import { asOutboxCollection, OutboxRelay, type OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder, type WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { DigestMember } from '../domain/coach-digest';
import type { Delivery, DeliveryClaim, DeliveryRef } from '../domain/delivery';
import { takeTurns } from '../domain/tenant-fairness';
import type {
  ClaimRequest,
  DeliveryFilter,
  DeliveryRepository,
  DeliveryUpdate,
  RecipientRef,
  SentMark,
  WaitingDeliveries,
} from '../ports/delivery.repository';
import { DELIVERY_MODEL, type DeliveryDocument } from './delivery.schema';
import { WAITING_RECIPIENT_MODEL, type WaitingRecipientDocument } from './waiting-recipient.schema';
import { recipientKey } from '../../recipients/domain/recipient';

/** A free claim: every `lockedUntil <= now` test passes. */
const UNLOCKED = new Date(0);

/** Deliveries a recipient's waiting list keeps at most (the newest); the sender finds the others when they are due. */
export const WAITING_LIST_MAX = 1_000;

/** Without the outbox: what every read of a delivery needs. */
const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** The delivery log's order: newest first, ties by id. */
const NEWEST_FIRST: SortOrder = [
  ['createdAt', -1],
  ['_id', -1],
];

/**
 * Every filter on the hot paths is one the local stand-in database serves from an index as
 * MongoDB does: `_id`, `_id: {$in}`, or exactly the fields of a unique index with plain values
 * (README, "Query shapes"). Tenant scoping is checked in code after a read by `_id`.
 */
@Injectable()
export class MongoDeliveryRepository implements DeliveryRepository {
  constructor(
    @InjectModel(DELIVERY_MODEL) private readonly model: Model<DeliveryDocument>,
    @InjectModel(WAITING_RECIPIENT_MODEL) private readonly waitingModel: Model<WaitingRecipientDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<DeliveryDocument> {
    return this.model.collection as unknown as mongo.Collection<DeliveryDocument>;
  }

  private waiting(): mongo.Collection<WaitingRecipientDocument> {
    return this.waitingModel.collection as unknown as mongo.Collection<WaitingRecipientDocument>;
  }

  /**
   * One unordered bulk upsert by `_id` (`$setOnInsert`: an existing delivery is left as it
   * is), then one read by `_id: {$in}` of those that were not inserted. An `_id` derives from
   * the natural key; a delivery stored before ids did (a random id) makes the upsert fail on
   * the natural-key index, and is read by exactly that key.
   */
  async ensureMany(deliveries: readonly Delivery[]): Promise<Delivery[]> {
    const unique = [...new Map(deliveries.map((d) => [d.id, d])).values()];
    if (unique.length === 0) return [];
    const operations = unique.map(
      (d): mongo.AnyBulkWriteOperation<DeliveryDocument> => ({
        updateOne: {
          filter: { _id: d.id },
          update: { $setOnInsert: toDocument(d) },
          upsert: true,
        },
      }),
    );
    let inserted: Set<string>;
    try {
      const result = await this.collection().bulkWrite(operations, { ordered: false });
      inserted = new Set(Object.values(result.upsertedIds).map(String));
    } catch (error) {
      // Some hit the natural-key index (or a concurrent writer): read everything back.
      if (!isDuplicateKeyError(error)) throw error;
      inserted = new Set();
    }
    const stored = new Map(unique.filter((d) => inserted.has(d.id)).map((d) => [d.id, structuredClone(d)]));
    const rest = unique.filter((d) => !inserted.has(d.id));
    if (rest.length > 0) {
      const docs = await this.collection()
        .find({ _id: { $in: rest.map((d) => d.id) } }, { projection: WITHOUT_OUTBOX })
        .toArray();
      for (const doc of docs) stored.set(doc._id, toDelivery(doc));
    }
    for (const d of rest.filter((r) => !stored.has(r.id))) {
      const { tenantId, sourceEventId, recipientId, kind } = d;
      // Exactly the fields of the unique natural-key index: served from it on both engines.
      const doc = await this.collection().findOne(
        { tenantId, sourceEventId, recipientId, kind },
        { projection: WITHOUT_OUTBOX },
      );
      if (!doc) throw new Error(`delivery ${d.id} vanished after its upsert`);
      stored.set(d.id, toDelivery(doc));
    }
    return deliveries.map((d) => stored.get(d.id) as Delivery);
  }

  async ensure(delivery: Delivery): Promise<Delivery> {
    const [stored] = await this.ensureMany([delivery]);
    return stored as Delivery;
  }

  /**
   * Read by `_id: {$in}`, decide in code (tenant, pending, lease expired, due), then one
   * unordered bulk compare-and-set on exactly `{_id, version, lockOwner}` as read (the
   * `claim_compare_and_set` index). A claim changes `lockOwner` to a fresh owner, every
   * release clears it and increments `version`, so `(version, lockOwner)` never comes back:
   * a write that matches proves nobody claimed or changed the delivery since it was read.
   */
  async claimMany(refs: readonly DeliveryRef[], request: ClaimRequest): Promise<Delivery[]> {
    if (refs.length === 0) return [];
    const tenantOf = new Map(refs.map((ref) => [ref.deliveryId, ref.tenantId]));
    const docs = await this.collection()
      .find({ _id: { $in: [...tenantOf.keys()] } }, { projection: WITHOUT_OUTBOX })
      .toArray();
    const now = request.now.getTime();
    const claimable = docs.filter(
      (doc) =>
        doc.tenantId === tenantOf.get(doc._id) &&
        doc.status === 'pending' &&
        doc.lockedUntil.getTime() <= now &&
        (request.ignoreSchedule === true || doc.nextAttemptAt.getTime() <= now),
    );
    if (claimable.length === 0) return [];
    const result = await this.collection().bulkWrite(
      claimable.map(
        (doc): mongo.AnyBulkWriteOperation<DeliveryDocument> => ({
          updateOne: {
            filter: { _id: doc._id, version: doc.version, lockOwner: doc.lockOwner ?? null },
            update: { $set: { lockedUntil: request.leaseUntil, lockOwner: request.owner } },
          },
        }),
      ),
      { ordered: false },
    );
    if (result.matchedCount === claimable.length) return claimable.map(toDelivery);
    // Another claimant was first for some: keep those this owner holds now.
    const held = await this.collection()
      .find(
        { _id: { $in: claimable.map((doc) => doc._id) } },
        { projection: { _id: 1, lockOwner: 1, version: 1 } },
      )
      .toArray();
    const ours = new Set(
      held.filter((doc) => doc.lockOwner === request.owner).map((doc) => `${doc._id}@${doc.version}`),
    );
    return claimable.filter((doc) => ours.has(`${doc._id}@${doc.version}`)).map(toDelivery);
  }

  async claim(ref: DeliveryRef, request: ClaimRequest): Promise<Delivery | null> {
    const [claimed] = await this.claimMany([ref], request);
    return claimed ?? null;
  }

  /**
   * Lists the delivery on its recipient's waiting list first (an upsert by `_id`), then
   * releases it: whoever finds the list afterwards finds this delivery on it.
   */
  async markWaitingForRecipient(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    await this.waiting().updateOne(
      { _id: recipientKey(claim.tenantId, claim.recipientId) },
      {
        $push: { deliveryIds: { $each: [claim.deliveryId], $slice: -WAITING_LIST_MAX } },
        $set: { updatedAt: update.updatedAt },
        $setOnInsert: { tenantId: claim.tenantId, recipientId: claim.recipientId },
      },
      { upsert: true },
    );
    return this.release(claim, { ...update, pendingReason: 'waiting_recipient' });
  }

  markRetry(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    return this.release(claim, { ...update, pendingReason: 'retry_backoff' });
  }

  /**
   * One unordered bulk of compare-and-sets on exactly `{_id, version, lockOwner}` (the
   * `claim_compare_and_set` index), each with its event; when some did not match, one read by
   * `_id: {$in}` tells those written before (a retry) from those whose claim was lost. Then one
   * publication of every event written.
   */
  async markSentMany(marks: readonly SentMark[]): Promise<Set<string>> {
    if (marks.length === 0) return new Set();
    const result = await this.collection().bulkWrite(
      marks.map(
        ({ claim, update, event }): mongo.AnyBulkWriteOperation<DeliveryDocument> => ({
          updateOne: {
            filter: { _id: claim.deliveryId, version: claim.version, lockOwner: claim.owner },
            update: {
              $set: {
                ...definedOnly(update),
                status: 'sent',
                pendingReason: null,
                lockedUntil: UNLOCKED,
                lockOwner: null,
              },
              $inc: { version: 1 },
              $push: { outbox: { $each: [event] } },
            },
          },
        }),
      ),
      { ordered: false },
    );
    let recorded = marks;
    if (result.matchedCount < marks.length) {
      const docs = await this.collection()
        .find(
          { _id: { $in: marks.map((mark) => mark.claim.deliveryId) } },
          { projection: { _id: 1, status: 1, version: 1, sentAt: 1 } },
        )
        .toArray();
      const byId = new Map(docs.map((doc) => [doc._id, doc]));
      recorded = marks.filter((mark) => isRecordedSent(byId.get(mark.claim.deliveryId), mark));
    }
    const ids = recorded.map((mark) => mark.claim.deliveryId);
    this.relay.publishSoon(
      asOutboxCollection(this.model),
      ids,
      new Map(recorded.map((mark) => [mark.claim.deliveryId, [mark.event]])),
    );
    return new Set(ids);
  }

  markFailed(claim: DeliveryClaim, update: DeliveryUpdate, event: OutboxEntry): Promise<boolean> {
    return this.release(claim, { ...update, status: 'failed', pendingReason: null }, event);
  }

  markCancelled(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    return this.release(claim, { ...update, status: 'cancelled', pendingReason: null });
  }

  postpone(claim: DeliveryClaim, update: DeliveryUpdate): Promise<boolean> {
    return this.release(claim, update);
  }

  /**
   * One read, oldest first, of the members' ids and mentees only. MongoDB serves it from the
   * `{tenantId, digestKey, status, pendingReason, createdAt, _id}` index; the stand-in scans
   * (once per digest window closed, not per mail: docs/query-shapes.md).
   */
  async findDigestMembers(tenantId: string, digestKey: string, limit: number): Promise<DigestMember[]> {
    const docs = await this.collection()
      .find(
        { tenantId, digestKey, status: 'pending', pendingReason: 'digest_window' },
        {
          projection: {
            _id: 1,
            tenantId: 1,
            recipientId: 1,
            kind: 1,
            sourceEventId: 1,
            sourceType: 1,
            'context.menteeId': 1,
          },
          sort: { createdAt: 1, _id: 1 },
          limit,
        },
      )
      .toArray();
    return docs.map((doc) => ({
      deliveryId: doc._id,
      tenantId: doc.tenantId,
      recipientId: doc.recipientId,
      kind: doc.kind,
      sourceEventId: doc.sourceEventId,
      sourceType: doc.sourceType,
      menteeId: 'menteeId' in doc.context ? doc.context.menteeId : '',
    }));
  }

  /** One unordered bulk of updates on exactly `{_id, tenantId, status, pendingReason}` (the `digest_member` index). */
  async markDigested(
    tenantId: string,
    deliveryIds: readonly string[],
    digestId: string,
    now: Date,
  ): Promise<number> {
    return this.changeWaitingMembers(tenantId, deliveryIds, {
      $set: {
        status: 'digested',
        digestId,
        pendingReason: null,
        updatedAt: now,
        lockedUntil: UNLOCKED,
        lockOwner: null,
      },
      $inc: { version: 1 },
    });
  }

  /** As {@link markDigested}: claims held stay, versions too, so their holders may send them. */
  async sendAlone(tenantId: string, deliveryIds: readonly string[], now: Date): Promise<number> {
    return this.changeWaitingMembers(tenantId, deliveryIds, {
      $set: { pendingReason: null, nextAttemptAt: now, updatedAt: now },
    });
  }

  private async changeWaitingMembers(
    tenantId: string,
    deliveryIds: readonly string[],
    update: mongo.UpdateFilter<DeliveryDocument>,
  ): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    const result = await this.collection().bulkWrite(
      deliveryIds.map(
        (_id): mongo.AnyBulkWriteOperation<DeliveryDocument> => ({
          updateOne: { filter: { _id, tenantId, status: 'pending', pendingReason: 'digest_window' }, update },
        }),
      ),
      { ordered: false },
    );
    return result.modifiedCount;
  }

  /** One read by `_id: {$in}` of the recipients' waiting lists; the tenant is checked in code. */
  async findWaitingFor(recipients: readonly RecipientRef[]): Promise<WaitingDeliveries[]> {
    if (recipients.length === 0) return [];
    const asked = new Set(recipients.map((r) => recipientKey(r.tenantId, r.recipientId)));
    const keys = [...asked];
    const docs = await this.waiting()
      .find({ _id: { $in: keys } })
      .toArray();
    // The tenant is checked in code: a document's key must be the one of the tenant asked.
    return docs
      .filter((doc) => asked.has(recipientKey(doc.tenantId, doc.recipientId)) && doc.deliveryIds.length > 0)
      .map((doc) => ({
        tenantId: doc.tenantId,
        recipientId: doc.recipientId,
        deliveryIds: [...new Set(doc.deliveryIds)],
      }));
  }

  /** One unordered bulk `$pull` by `_id`. An emptied list stays, as a small document per recipient. */
  async forgetWaiting(entries: readonly WaitingDeliveries[]): Promise<void> {
    const operations = entries
      .filter((entry) => entry.deliveryIds.length > 0)
      .map(
        (entry): mongo.AnyBulkWriteOperation<WaitingRecipientDocument> => ({
          updateOne: {
            filter: { _id: recipientKey(entry.tenantId, entry.recipientId) },
            update: { $pull: { deliveryIds: { $in: entry.deliveryIds } } },
          },
        }),
      );
    if (operations.length > 0) await this.waiting().bulkWrite(operations, { ordered: false });
  }

  /**
   * The sender's look-up: the tenants with due work (one `distinct`), then each tenant's oldest
   * due deliveries, up to a batch each (one read each, side by side), taking turns.
   * MongoDB serves both from the `{status, tenantId, nextAttemptAt}` index; the local stand-in
   * scans the collection (once per batch of up to `DELIVERY_SENDER_BATCH_SIZE` mails, not per
   * mail: see docs/query-shapes.md).
   */
  async findDueAcrossTenants(now: Date, limit: number): Promise<DeliveryRef[]> {
    const due = {
      status: 'pending' as const,
      nextAttemptAt: trusted({ $lte: now }),
      lockedUntil: trusted({ $lte: now }),
    };
    const tenants = (await this.model.distinct('tenantId', due).exec()) as string[];
    const queues = await Promise.all(
      tenants.slice(0, limit).map(async (tenantId) => {
        const docs = await this.model
          .find({ ...due, tenantId })
          .select({ _id: 1, tenantId: 1 })
          .sort({ nextAttemptAt: 1, _id: 1 })
          .limit(limit)
          .lean<Array<Pick<DeliveryDocument, '_id' | 'tenantId'>>>()
          .exec();
        return docs.map(toRef);
      }),
    );
    return takeTurns(queues, limit);
  }

  /** Read by `_id: {$in}` (the tenant checked in code), then a bulk of updates by `_id`. */
  async makeDue(refs: readonly DeliveryRef[], now: Date): Promise<DeliveryRef[]> {
    if (refs.length === 0) return [];
    const tenantOf = new Map(refs.map((ref) => [ref.deliveryId, ref.tenantId]));
    const docs = await this.collection()
      .find({ _id: { $in: [...tenantOf.keys()] } }, { projection: { _id: 1, tenantId: 1, status: 1 } })
      .toArray();
    const pending = docs.filter((doc) => doc.tenantId === tenantOf.get(doc._id) && doc.status === 'pending');
    if (pending.length === 0) return [];
    await this.collection().bulkWrite(
      pending.map(
        (doc): mongo.AnyBulkWriteOperation<DeliveryDocument> => ({
          updateOne: {
            filter: { _id: doc._id, status: 'pending' },
            update: { $set: { nextAttemptAt: now } },
          },
        }),
      ),
      { ordered: false },
    );
    return pending.map(toRef);
  }

  /** By `_id`; the tenant is checked in code (another tenant's delivery is not found). */
  async find(ref: DeliveryRef): Promise<Delivery | null> {
    const doc = await this.collection().findOne({ _id: ref.deliveryId }, { projection: WITHOUT_OUTBOX });
    return doc && doc.tenantId === ref.tenantId ? toDelivery(doc) : null;
  }

  /**
   * The tenant checked on a read by `_id`, then one compare-and-set on exactly `{_id, version,
   * lockOwner}` (the `claim_compare_and_set` index), the owner null: only a delivery nobody
   * holds and unchanged since it was read. An administrator's action, not a hot path.
   */
  async requeue(
    ref: DeliveryRef,
    expectedVersion: number,
    update: { nextAttemptAt: Date; updatedAt: Date },
  ): Promise<WriteOutcome> {
    const owner = await this.collection().findOne({ _id: ref.deliveryId }, { projection: { tenantId: 1 } });
    if (owner?.tenantId !== ref.tenantId) return 'stale';
    const result = await this.collection().updateOne(
      { _id: ref.deliveryId, version: expectedVersion, lockOwner: null },
      {
        $set: {
          status: 'pending',
          pendingReason: null,
          nextAttemptAt: update.nextAttemptAt,
          updatedAt: update.updatedAt,
          lockedUntil: UNLOCKED,
        },
        $inc: { version: 1 },
      },
    );
    return result.matchedCount === 1 ? 'written' : 'stale';
  }

  /**
   * The delivery log (an HTTP list, not a hot path): MongoDB serves each filter from the
   * `{tenantId, recipientId|kind|status, createdAt}` and `{tenantId, createdAt}` indexes
   * (the time range and the order on `createdAt`), an event's deliveries from the natural
   * key's; the stand-in scans.
   */
  async list(tenantId: string, filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>> {
    const { from, to, ...fields } = filter;
    const createdAt =
      from || to
        ? { createdAt: trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) }) }
        : {};
    return findPage(
      this.model.find({ tenantId, ...fields, ...createdAt }, WITHOUT_OUTBOX),
      NEWEST_FIRST,
      page,
      toDelivery,
    );
  }

  /**
   * Applies a change only while the claim holds, releases it, and appends the change's event
   * to the outbox, in one single-document compare-and-set on exactly `{_id, version,
   * lockOwner}`. The owner is fresh for every claim and only a claim that checked the tenant
   * and the status set it, so a match means: this claim, still pending, this tenant.
   */
  private async release(
    claim: DeliveryClaim,
    fields: Partial<DeliveryDocument>,
    event?: OutboxEntry,
  ): Promise<boolean> {
    const update: mongo.UpdateFilter<DeliveryDocument> = {
      $set: { ...definedOnly(fields), lockedUntil: UNLOCKED, lockOwner: null },
      $inc: { version: 1 },
      ...(event ? { $push: { outbox: { $each: [event] } } } : {}),
    };
    const result = await this.collection().updateOne(
      { _id: claim.deliveryId, version: claim.version, lockOwner: claim.owner },
      update,
    );
    if (result.matchedCount === 0) return false;
    if (event) {
      this.relay.publishSoon(
        asOutboxCollection(this.model),
        [claim.deliveryId],
        new Map([[claim.deliveryId, [event]]]),
      );
    }
    return true;
  }
}

/** Whether the stored delivery is the one this mark records: sent, by this claim, at this time. */
function isRecordedSent(
  doc: Pick<DeliveryDocument, 'status' | 'version' | 'sentAt'> | undefined,
  mark: SentMark,
): boolean {
  return (
    doc?.status === 'sent' &&
    doc.version === mark.claim.version + 1 &&
    doc.sentAt?.getTime() === mark.update.sentAt.getTime()
  );
}

function toDocument(delivery: Delivery): DeliveryDocument {
  const { id, ...rest } = delivery;
  return { _id: id, ...rest, lockedUntil: UNLOCKED, lockOwner: null, outbox: [] };
}

function toRef(doc: Pick<DeliveryDocument, '_id' | 'tenantId'>): DeliveryRef {
  return { tenantId: doc.tenantId, deliveryId: doc._id };
}

function toDelivery(doc: Omit<DeliveryDocument, 'outbox'>): Delivery {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    sourceEventId: doc.sourceEventId,
    sourceType: doc.sourceType,
    recipientId: doc.recipientId,
    kind: doc.kind,
    channel: doc.channel,
    status: doc.status,
    pendingReason: doc.pendingReason ?? null,
    context: doc.context,
    digestKey: doc.digestKey ?? null,
    digestId: doc.digestId ?? null,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt,
    lastError: doc.lastError ?? null,
    sentAt: doc.sentAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
  };
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
