import type { Connection, Model, mongo } from 'mongoose';
import type { Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import type { HasOutbox, OutboxEntry } from './outbox-entry';

export interface OutboxRelayOptions {
  /** How often the sweeper looks for entries a crashed process left behind. */
  sweepIntervalMs?: number;
  /**
   * Entries younger than this are left to the relay of the write that made them. Longer than
   * a publication can take with the producer's retries, so that the sweeper of another
   * instance does not publish again what this one is still sending.
   */
  sweepMinAgeMs?: number;
  /** Documents taken per sweep and collection. */
  sweepBatchSize?: number;
  /**
   * Documents whose publication may be under way at once: past this, `backpressure()` makes a
   * bulk writer wait, so that a slow or absent broker cannot fill the memory with pending sends.
   */
  maxInFlightDocuments?: number;
  /** How long a document that failed alone (while its neighbours went out) is left aside at first. */
  quarantineMs?: number;
}

export interface OutboxRelayCounters {
  /** Documents whose entries were published. */
  published: number;
  /** Documents that failed alone while their neighbours were published: set aside, retried later. */
  unpublishable: number;
}

export type OutboxCollection = mongo.Collection<HasOutbox>;

/** The driver collection behind a mongoose model whose documents carry an outbox, as the relay reads it. */
export function asOutboxCollection<T>(model: Model<T>): OutboxCollection {
  return model.collection as unknown as OutboxCollection;
}

/** Every model of the connection whose schema has an outbox: what the sweeper must watch. */
export function outboxCollectionsOf(connection: Connection): OutboxCollection[] {
  return Object.values(connection.models)
    .filter((model) => model.schema.path('outbox') !== undefined)
    .map((model) => asOutboxCollection(model));
}

/** Batches one sweep takes per collection at most, so that a sweep always ends. */
const MAX_SWEEP_ROUNDS = 100;
/** Documents per read, produce request and bulk removal. */
const PUBLISH_BATCH_SIZE = 200;
/** The longest a document that cannot be published is set aside between two tries. */
const MAX_QUARANTINE_MS = 10 * 60_000;

interface Quarantined {
  until: number;
  failures: number;
}

/**
 * Publishes outbox entries, then removes them from their document.
 *
 * `publishSoon` runs right after the write that appended the entries; the sweeper republishes
 * whatever is left after a crash, from every watched collection, starting at start-up.
 * Delivery is at least once: consumers are idempotent.
 */
export class OutboxRelay {
  readonly counters: OutboxRelayCounters = { published: 0, unpublishable: 0 };
  private readonly collections = new Map<string, OutboxCollection>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly quarantine = new Map<string, Quarantined>();
  private inFlightDocuments = 0;
  private readonly capacityWaiters = new Set<() => void>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private readonly options: Required<OutboxRelayOptions>;

  constructor(
    private readonly producer: EventProducer,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.options = {
      sweepIntervalMs: options.sweepIntervalMs ?? 5_000,
      sweepMinAgeMs: options.sweepMinAgeMs ?? 30_000,
      sweepBatchSize: options.sweepBatchSize ?? 200,
      maxInFlightDocuments: options.maxInFlightDocuments ?? 2_000,
      quarantineMs: options.quarantineMs ?? 30_000,
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
  async publish(
    collection: OutboxCollection,
    ids: readonly string[],
    written?: ReadonlyMap<string, readonly OutboxEntry[]>,
  ): Promise<void> {
    this.watch(collection);
    const batches: Promise<void>[] = [];
    for (let start = 0; start < ids.length; start += PUBLISH_BATCH_SIZE) {
      batches.push(this.serialised(collection, ids.slice(start, start + PUBLISH_BATCH_SIZE), written));
    }
    await Promise.all(batches);
  }

  /**
   * Publishes in the background, right after a write: the caller does not wait for Kafka.
   * A failure is logged and left to the sweeper, which retries it. A writer that has the
   * entries it just stored at hand passes them as `written` (by document id), so that they
   * are not read back; a document published before (a retry) is read all the same.
   */
  publishSoon(
    collection: OutboxCollection,
    ids: readonly string[],
    written?: ReadonlyMap<string, readonly OutboxEntry[]>,
  ): void {
    this.publish(collection, ids, written).catch((error: unknown) =>
      this.logger.warn(
        { err: error, collection: collection.collectionName },
        'outbox publish failed; the sweeper retries',
      ),
    );
  }

  /**
   * Resolves once fewer documents than `maxInFlightDocuments` are being published. A writer
   * of many documents (a fan-out chunk) awaits it after each bulk write, so that it never
   * runs further ahead of the broker than that.
   */
  backpressure(): Promise<void> {
    if (this.inFlightDocuments < this.options.maxInFlightDocuments) return Promise.resolve();
    return new Promise((resolve) => this.capacityWaiters.add(resolve));
  }

  /** Documents whose publication is under way now. */
  get pendingDocuments(): number {
    return this.inFlightDocuments;
  }

  /** Starts the sweeper; its first sweep runs at once and takes entries of any age (a restart's leftovers). */
  start(): void {
    if (this.sweeper) return;
    this.runSweep(0);
    this.sweeper = setInterval(() => this.runSweep(this.options.sweepMinAgeMs), this.options.sweepIntervalMs);
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
   * Publishes entries older than the minimum age from every watched collection, in `_id`
   * order, page after page until none is left: a crash can leave more than one batch behind,
   * a shutdown flush must not stop after the first, and a document that cannot be published
   * must not hold back the ones after it. Returns the number of documents published.
   */
  async sweep(minAgeMs: number = this.options.sweepMinAgeMs): Promise<number> {
    let published = 0;
    // ISO-8601 UTC strings of one length sort as the times they spell.
    const cutoff = new Date(Date.now() - minAgeMs).toISOString();
    for (const collection of this.collections.values()) {
      let after: string | null = null;
      for (let round = 0; round < MAX_SWEEP_ROUNDS; round++) {
        // Only documents with an entry old enough: a page of young entries (a busy system)
        // must not hide the leftovers behind it.
        const page: Array<{ _id: string }> = await collection
          .find(
            {
              'outbox.envelope.occurredAt': { $lte: cutoff },
              ...(after === null ? {} : { _id: { $gt: after } }),
            },
            { projection: { _id: 1 } },
          )
          .sort({ _id: 1 })
          .limit(this.options.sweepBatchSize)
          .toArray();
        if (page.length === 0) break;
        after = page[page.length - 1]._id;
        const due = page.map((doc) => doc._id).filter((id) => this.isDue(collection, id, Date.now()));
        try {
          published += await this.publishIsolating(collection, due);
        } catch (error) {
          this.logger.warn(
            { err: error, collection: collection.collectionName, documents: due.length },
            'outbox sweep could not publish; the next sweep retries',
          );
          break;
        }
        if (page.length < this.options.sweepBatchSize) break;
      }
    }
    if (published > 0) this.logger.info({ documents: published }, 'outbox sweeper republished leftovers');
    return published;
  }

  private runSweep(minAgeMs: number): void {
    this.sweeping ??= this.sweep(minAgeMs)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'outbox sweep failed'))
      .finally(() => (this.sweeping = null));
  }

  /** Not being published by this instance, and not set aside after failing alone. */
  private isDue(collection: OutboxCollection, id: string, now: number): boolean {
    const key = `${collection.collectionName}/${id}`;
    if (this.inFlight.has(key)) return false;
    const held = this.quarantine.get(key);
    return held === undefined || held.until <= now;
  }

  /**
   * Publishes the documents as one batch; if that fails, one by one, so that one document that
   * cannot be published (an entry the broker refuses) does not hold back its neighbours. A
   * document that fails while others go out is set aside with a growing delay, counted and
   * alerted on; when every one fails, the broker is the problem, and the error is thrown.
   */
  private async publishIsolating(collection: OutboxCollection, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    try {
      await this.publish(collection, ids);
      return ids.length;
    } catch (batchError) {
      if (ids.length === 1) throw batchError;
      const results = await Promise.allSettled(ids.map((id) => this.publish(collection, [id])));
      const failed = ids.filter((_, i) => results[i].status === 'rejected');
      if (failed.length === ids.length) throw batchError;
      for (const id of failed) {
        const index = ids.indexOf(id);
        this.setAside(collection, id, (results[index] as PromiseRejectedResult).reason);
      }
      return ids.length - failed.length;
    }
  }

  private setAside(collection: OutboxCollection, id: string, error: unknown): void {
    const key = `${collection.collectionName}/${id}`;
    const failures = (this.quarantine.get(key)?.failures ?? 0) + 1;
    const delay = Math.min(MAX_QUARANTINE_MS, this.options.quarantineMs * 2 ** (failures - 1));
    this.quarantine.set(key, { until: Date.now() + delay, failures });
    this.counters.unpublishable++;
    this.logger.error(
      {
        err: error,
        collection: collection.collectionName,
        documentId: id,
        failures,
        retryInMs: delay,
        alert: 'outbox-entry-unpublishable',
      },
      'an outbox entry cannot be published; set aside, its neighbours go on',
    );
  }

  /**
   * Runs one batch after every earlier publication of any of its documents, so that two
   * publications of one document never overtake each other.
   */
  private serialised(
    collection: OutboxCollection,
    ids: readonly string[],
    written?: ReadonlyMap<string, readonly OutboxEntry[]>,
  ): Promise<void> {
    const keys = ids.map((id) => `${collection.collectionName}/${id}`);
    const earlier = keys
      .map((key) => this.inFlight.get(key))
      .filter((p): p is Promise<void> => p !== undefined);
    this.inFlightDocuments += ids.length;
    const next = Promise.allSettled(earlier).then(() =>
      // After an earlier publication of the same document, its entries may have changed: read them.
      this.publishDocuments(collection, ids, earlier.length === 0 ? written : undefined),
    );
    const tracked: Promise<void> = next
      .then(() => {
        for (const key of keys) this.quarantine.delete(key);
      })
      .catch(() => undefined)
      .finally(() => {
        for (const key of keys) if (this.inFlight.get(key) === tracked) this.inFlight.delete(key);
        this.inFlightDocuments -= ids.length;
        this.releaseCapacity();
      });
    for (const key of keys) this.inFlight.set(key, tracked);
    return next;
  }

  private releaseCapacity(): void {
    if (this.inFlightDocuments >= this.options.maxInFlightDocuments) return;
    for (const wake of [...this.capacityWaiters]) {
      this.capacityWaiters.delete(wake);
      wake();
    }
  }

  /**
   * Sends the entries of the documents, then pulls exactly those entries (by event id) from
   * them: entries appended meanwhile stay for the next publication. `written`
   * carries the entries a writer has just stored, which spares reading them back.
   */
  private async publishDocuments(
    collection: OutboxCollection,
    ids: readonly string[],
    written?: ReadonlyMap<string, readonly OutboxEntry[]>,
  ): Promise<void> {
    const pending = written
      ? ids.map((id) => ({ _id: id, outbox: [...(written.get(id) ?? [])] }))
      : await collection.find({ _id: { $in: [...ids] } }, { projection: { outbox: 1 } }).toArray();
    const withEntries = pending.filter((doc) => (doc.outbox ?? []).length > 0);
    if (withEntries.length === 0) return;
    const entries = withEntries.flatMap((doc) => doc.outbox ?? []);
    await this.producer.send(entries);
    // One update per document by `_id` (index-served on both engines; on the local stand-in a
    // bulk of these costs about half of one updateMany over the same documents).
    await collection.bulkWrite(
      withEntries.map((doc) => {
        const eventIds = (doc.outbox ?? []).map((e) => e.eventId);
        return {
          updateOne: {
            filter: { _id: doc._id },
            update: {
              $pull: { outbox: { eventId: eventIds.length === 1 ? eventIds[0] : { $in: eventIds } } },
            },
          },
        };
      }),
      { ordered: false },
    );
    this.counters.published += withEntries.length;
  }
}
