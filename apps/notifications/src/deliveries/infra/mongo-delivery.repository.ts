import { Inject, Injectable } from '@nestjs/common';
import { trusted, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import { asOutboxCollection, OutboxRelay, type OutboxEntry } from '@lms/messaging';
import { findPage, isDuplicateKeyError, type Page, type PageRequest } from '@lms/service-kit';
import type { Delivery, DeliveryRef } from '../domain/delivery';
import type {
  ClaimRequest,
  DeliveryFilter,
  DeliveryRepository,
  DeliveryUpdate,
} from '../ports/delivery.repository';
import { DELIVERY_MODEL, type DeliveryDocument } from './delivery.schema';

export const DELIVERY_MODEL_TOKEN = Symbol(DELIVERY_MODEL);

/** A free claim: every `lockedUntil <= now` test passes. */
const UNLOCKED = new Date(0);

@Injectable()
export class MongoDeliveryRepository implements DeliveryRepository {
  constructor(
    @Inject(DELIVERY_MODEL_TOKEN) private readonly model: Model<DeliveryDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async ensure(delivery: Delivery): Promise<Delivery> {
    const { id, tenantId, sourceEventId, recipientId, kind, ...rest } = delivery;
    const key = { tenantId, sourceEventId, recipientId, kind };
    const insert = () =>
      this.model
        .findOneAndUpdate(
          key,
          { $setOnInsert: { _id: id, ...rest, lockedUntil: UNLOCKED, lockOwner: null, outbox: [] } },
          { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false },
        )
        .lean<DeliveryDocument>()
        .exec();
    try {
      const stored = await insert();
      if (stored) return toDelivery(stored);
    } catch (error) {
      // Two instances upserted the same key at once: the loser reads the winner's.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.model.findOne(key).lean<DeliveryDocument>().exec();
    if (!existing) throw new Error(`delivery ${JSON.stringify(key)} vanished after its upsert`);
    return toDelivery(existing);
  }

  async claim(ref: DeliveryRef, request: ClaimRequest): Promise<Delivery | null> {
    const filter: QueryFilter<DeliveryDocument> = {
      _id: ref.deliveryId,
      tenantId: ref.tenantId,
      status: 'pending',
      lockedUntil: trusted({ $lte: request.now }),
      ...(request.ignoreSchedule ? {} : { nextAttemptAt: trusted({ $lte: request.now }) }),
    };
    const doc = await this.model
      .findOneAndUpdate(
        filter,
        { $set: { lockedUntil: request.leaseUntil, lockOwner: request.owner } },
        { returnDocument: 'after' },
      )
      .lean<DeliveryDocument>()
      .exec();
    return doc ? toDelivery(doc) : null;
  }

  markWaitingForRecipient(ref: DeliveryRef, owner: string, update: DeliveryUpdate): Promise<boolean> {
    return this.release(ref, owner, { ...update, pendingReason: 'waiting_recipient' });
  }

  markRetry(ref: DeliveryRef, owner: string, update: DeliveryUpdate): Promise<boolean> {
    return this.release(ref, owner, { ...update, pendingReason: 'retry_backoff' });
  }

  markSent(ref: DeliveryRef, owner: string, update: DeliveryUpdate, event: OutboxEntry): Promise<boolean> {
    return this.release(ref, owner, { ...update, status: 'sent', pendingReason: null }, event);
  }

  markFailed(ref: DeliveryRef, owner: string, update: DeliveryUpdate, event: OutboxEntry): Promise<boolean> {
    return this.release(ref, owner, { ...update, status: 'failed', pendingReason: null }, event);
  }

  markCancelled(ref: DeliveryRef, owner: string, update: DeliveryUpdate): Promise<boolean> {
    return this.release(ref, owner, { ...update, status: 'cancelled', pendingReason: null });
  }

  async findWaitingForRecipient(
    tenantId: string,
    recipientId: string,
    limit: number,
  ): Promise<DeliveryRef[]> {
    const docs = await this.model
      .find({ tenantId, recipientId, status: 'pending', pendingReason: 'waiting_recipient' })
      .select({ _id: 1, tenantId: 1 })
      .limit(limit)
      .lean<Array<Pick<DeliveryDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map(toRef);
  }

  async findDueAcrossTenants(now: Date, limit: number): Promise<DeliveryRef[]> {
    const docs = await this.model
      .find({ status: 'pending', nextAttemptAt: trusted({ $lte: now }), lockedUntil: trusted({ $lte: now }) })
      .select({ _id: 1, tenantId: 1 })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<Array<Pick<DeliveryDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map(toRef);
  }

  async list(tenantId: string, filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>> {
    return findPage(
      this.model
        .find({ tenantId, ...filter })
        .select({ outbox: 0 })
        .sort({ createdAt: -1, _id: -1 }),
      page,
      toDelivery,
    );
  }

  /**
   * Applies a change only while `owner` holds the claim, releases the claim, and appends the
   * change's event to the outbox in the same single-document write.
   */
  private async release(
    ref: DeliveryRef,
    owner: string,
    fields: Partial<DeliveryDocument>,
    event?: OutboxEntry,
  ): Promise<boolean> {
    const update: UpdateQuery<DeliveryDocument> = {
      $set: { ...definedOnly(fields), lockedUntil: UNLOCKED, lockOwner: null },
      $inc: { version: 1 },
      ...(event ? { $push: { outbox: { $each: [event] } } } : {}),
    };
    const result = await this.model
      .updateOne({ _id: ref.deliveryId, tenantId: ref.tenantId, status: 'pending', lockOwner: owner }, update)
      .exec();
    if (result.matchedCount === 0) return false;
    if (event) this.relay.publishSoon(asOutboxCollection(this.model), [ref.deliveryId]);
    return true;
  }
}

function toRef(doc: Pick<DeliveryDocument, '_id' | 'tenantId'>): DeliveryRef {
  return { tenantId: doc.tenantId, deliveryId: doc._id };
}

function toDelivery(doc: DeliveryDocument): Delivery {
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
