import type { Model, mongo } from 'mongoose';
import type { Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import type { HasOutbox } from './outbox-entry';

export interface OutboxRelayOptions {
  /** How often the sweeper looks for entries a crashed process left behind. */
  sweepIntervalMs?: number;
  /** Entries younger than this are left to the relay of the write that made them. */
  sweepMinAgeMs?: number;
  /** Documents taken per sweep and collection. */
  sweepBatchSize?: number;
}

export type OutboxCollection = mongo.Collection<HasOutbox>;

/** The driver collection behind a mongoose model whose documents carry an outbox, as the relay reads it. */
export function asOutboxCollection<T>(model: Model<T>): OutboxCollection {
  return model.collection as unknown as OutboxCollection;
}

/** Batches one sweep takes per collection at most, so that a sweep always ends. */
const MAX_SWEEP_ROUNDS = 100;
/** Documents per read, produce request and bulk removal. */
const PUBLISH_BATCH_SIZE = 200;

/**
 * Publishes outbox entries, then removes them from their document.
 *
 * `publish` runs right after the write that appended the entries; the sweeper republishes
 * whatever is left after a crash. Delivery is at least once: consumers are idempotent.
 */
export class OutboxRelay {
  private readonly collections = new Map<string, OutboxCollection>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private readonly options: Required<OutboxRelayOptions>;

  constructor(
    private readonly producer: EventProducer,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.options = {
      sweepIntervalMs: options.sweepIntervalMs ?? 2_000,
      sweepMinAgeMs: options.sweepMinAgeMs ?? 5_000,
      sweepBatchSize: options.sweepBatchSize ?? 200,
    };
  }

  /** Registers a collection whose documents carry an outbox, for the sweeper. */
  watch(collection: OutboxCollection): void {
    if (this.collections.has(collection.collectionName)) return;
    this.collections.set(collection.collectionName, collection);
    // The sweeper looks for old entries in every watched collection every few seconds: on
    // MongoDB a sparse multikey index keeps that a look-up instead of a collection scan.
    collection
      .createIndex({ 'outbox.envelope.occurredAt': 1 }, { sparse: true, name: 'outbox_sweep' })
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, collection: collection.collectionName },
          'outbox sweep index not created',
        ),
      );
  }

  /**
   * Publishes the pending entries of the given documents: one read, one produce request and
   * one bulk removal per batch of documents, so that a fan-out chunk of hundreds of
   * documents costs a few round trips. A document's entries keep their order.
   */
  async publish(collection: OutboxCollection, ids: readonly string[]): Promise<void> {
    this.watch(collection);
    const batches: Promise<void>[] = [];
    for (let start = 0; start < ids.length; start += PUBLISH_BATCH_SIZE) {
      batches.push(this.serialised(collection, ids.slice(start, start + PUBLISH_BATCH_SIZE)));
    }
    await Promise.all(batches);
  }

  /**
   * Publishes in the background, right after a write: the caller does not wait for Kafka.
   * A failure is logged and left to the sweeper, which retries it.
   */
  publishSoon(collection: OutboxCollection, ids: readonly string[]): void {
    this.publish(collection, ids).catch((error: unknown) =>
      this.logger.warn(
        { err: error, collection: collection.collectionName },
        'outbox publish failed; the sweeper retries',
      ),
    );
  }

  /** Starts the sweeper. */
  start(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.sweeping ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox sweep failed'))
        .finally(() => (this.sweeping = null));
    }, this.options.sweepIntervalMs);
    this.sweeper.unref();
  }

  /** Stops the sweeper and flushes what is pending (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.sweeping;
    await Promise.allSettled([...this.inFlight.values()]);
    await this.sweep(0).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'final outbox flush failed'),
    );
  }

  /**
   * Publishes entries older than the minimum age from every watched collection, batch after
   * batch until none is left: a crash can leave more than one batch behind, and a shutdown
   * flush must not stop after the first. A document that cannot be published is logged and
   * left to the next sweep. Returns the number of documents published.
   */
  async sweep(minAgeMs: number = this.options.sweepMinAgeMs): Promise<number> {
    let published = 0;
    // ISO-8601 UTC strings of one length sort as the times they spell.
    const cutoff = new Date(Date.now() - minAgeMs).toISOString();
    for (const collection of this.collections.values()) {
      for (let round = 0; round < MAX_SWEEP_ROUNDS; round++) {
        // Only documents with an entry old enough: a page of young entries (a busy system)
        // must not hide the leftovers behind it.
        const due = await collection
          .find({ 'outbox.envelope.occurredAt': { $lte: cutoff } }, { projection: { _id: 1 } })
          .limit(this.options.sweepBatchSize)
          .toArray();
        try {
          await this.publish(
            collection,
            due.map((doc) => doc._id),
          );
        } catch (error) {
          this.logger.warn(
            { err: error, collection: collection.collectionName, documents: due.length },
            'outbox sweep could not publish; the next sweep retries',
          );
          break;
        }
        published += due.length;
        if (due.length < this.options.sweepBatchSize) break;
      }
    }
    if (published > 0) this.logger.info({ documents: published }, 'outbox sweeper republished leftovers');
    return published;
  }

  /**
   * Runs one batch after every earlier publication of any of its documents, so that two
   * publications of one document never overtake each other.
   */
  private serialised(collection: OutboxCollection, ids: readonly string[]): Promise<void> {
    const keys = ids.map((id) => `${collection.collectionName}/${id}`);
    const earlier = keys
      .map((key) => this.inFlight.get(key))
      .filter((p): p is Promise<void> => p !== undefined);
    const next = Promise.allSettled(earlier).then(() => this.publishDocuments(collection, ids));
    const tracked: Promise<void> = next
      .catch(() => undefined)
      .finally(() => {
        for (const key of keys) if (this.inFlight.get(key) === tracked) this.inFlight.delete(key);
      });
    for (const key of keys) this.inFlight.set(key, tracked);
    return next;
  }

  private async publishDocuments(collection: OutboxCollection, ids: readonly string[]): Promise<void> {
    const docs = await collection.find({ _id: { $in: [...ids] } }, { projection: { outbox: 1 } }).toArray();
    const pending = docs.filter((doc) => (doc.outbox ?? []).length > 0);
    if (pending.length === 0) return;
    await this.producer.send(pending.flatMap((doc) => doc.outbox ?? []));
    await collection.bulkWrite(
      pending.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $pull: { outbox: { eventId: { $in: (doc.outbox ?? []).map((e) => e.eventId) } } } },
        },
      })),
      { ordered: false },
    );
  }
}
