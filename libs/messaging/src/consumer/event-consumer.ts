/**
 * The consumer of one group: its options, the registration of its handlers, and its
 * lifecycle (joining the group, reading its topics, stopping). Processing is left to
 * {@link EventDispatch} and {@link BatchDispatch}.
 */
import type { Consumer, Kafka } from 'kafkajs';
import type { StreamDefinition } from '@lms/contracts';
import type { Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import { BatchDispatch } from './batch-dispatch';
import type { BatchCounters, ConsumerCounters } from './consumer-counters';
import { DeadLetterWriter } from './dead-letter-writer';
import { EventDispatch } from './event-dispatch';
import { HandlerRegistry, type EventBatchHandler, type EventHandler } from './handlers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { StopSignal } from './stop-signal';

export type { BatchCounters, ConsumerCounters } from './consumer-counters';
export type { EventBatchHandler, EventHandler } from './handlers';

export interface EventConsumerOptions {
  groupId: string;
  retry?: RetryPolicy;
  /** Partitions processed at once by this instance; order is kept within a partition. */
  partitionsConsumedConcurrently?: number;
  /**
   * Where a new group starts: from the oldest retained event (default, so a new service
   * rebuilds its projections) or from the newest (tests that only care about what they send).
   */
  fromBeginning?: boolean;
  /**
   * How long the broker waits for a heartbeat before it gives this instance's partitions to
   * another one (default 30 s). Handlers heartbeat while they run, so a long handler does
   * not lose its partitions; a dead instance loses them after this long.
   */
  sessionTimeoutMs?: number;
  /** The most events a batch handler receives in one call (default 500). */
  maxBatchSize?: number;
}

const DEFAULT_SESSION_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BATCH_SIZE = 500;

/**
 * A Kafka consumer that validates each message against its contract, runs its handler,
 * retries failures with backoff and sends what still fails to the dead-letter topic, so
 * that a poison message never stops its partition. The offset of a message is committed
 * only after its handler resolved or its dead letter was written.
 *
 * Batch handlers ({@link onBatch}) get the events of a fetch in batches (rule 8); a batch
 * that fails is handled again one event at a time, so that only the failing event is
 * retried and dead-lettered.
 */
export class EventConsumer {
  private readonly registry: HandlerRegistry;
  private readonly sessionTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly stopSignal = new StopSignal();
  private readonly events: EventDispatch;
  private readonly batches: BatchDispatch;
  private consumer: Consumer | null = null;
  private joined = false;
  readonly counters: ConsumerCounters = { processed: 0, retried: 0, deadLettered: 0, skipped: 0 };
  readonly batchCounters: BatchCounters = { batches: 0, fallbacks: 0 };

  constructor(
    private readonly kafka: Kafka,
    producer: EventProducer,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {
    this.registry = new HandlerRegistry(options.groupId);
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.heartbeatIntervalMs = Math.min(3_000, Math.floor(this.sessionTimeoutMs / 3));
    const deps = {
      registry: this.registry,
      deadLetters: new DeadLetterWriter(producer, logger, options.groupId, this.counters),
      stop: this.stopSignal,
      logger,
      counters: this.counters,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      heartbeatIntervalMs: this.heartbeatIntervalMs,
    };
    this.events = new EventDispatch(deps);
    this.batches = new BatchDispatch({
      ...deps,
      events: this.events,
      batchCounters: this.batchCounters,
      maxBatchSize: Math.max(1, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE),
    });
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** The streams this consumer reads (for topic provisioning). */
  get subscribedStreams(): StreamDefinition[] {
    return this.registry.subscribedStreams;
  }

  on(handler: EventHandler): void {
    this.registry.add(handler);
  }

  /** Registers a handler that takes the events of its types in batches. */
  onBatch(handler: EventBatchHandler): void {
    this.registry.addBatch(handler);
  }

  /** True once the consumer has joined its group and fetched from its partitions. */
  isJoined(): boolean {
    return this.joined;
  }

  /** A snapshot of the counters since this consumer was made (for metrics and health pages). */
  metrics(): ConsumerCounters {
    return { ...this.counters };
  }

  batchMetrics(): BatchCounters {
    return { ...this.batchCounters };
  }

  async start(): Promise<void> {
    if (this.consumer || this.registry.topics.length === 0) return;
    this.stopSignal.reset();
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      // An idle fetch returns after a second, so readiness after a join comes quickly.
      maxWaitTimeInMs: 1_000,
    });
    // Ready after the first fetch that follows a join: by then the consumer has fixed its
    // starting offsets, so an event produced from now on is seen even by a new group that
    // starts from the newest offset.
    let awaitingFirstFetch = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = false;
      awaitingFirstFetch = true;
    });
    consumer.on(consumer.events.FETCH, () => {
      if (!awaitingFirstFetch) return;
      awaitingFirstFetch = false;
      this.joined = true;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      this.logger.error({ err: event.payload.error, groupId: this.groupId }, 'consumer crashed');
    });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: this.registry.topics,
        fromBeginning: this.options.fromBeginning ?? true,
      });
      const partitionsConsumedConcurrently = this.options.partitionsConsumedConcurrently ?? 3;
      // Message by message unless some handler takes batches; then every topic of this
      // consumer is read by batch, its per-event handlers still called one event at a time.
      await consumer.run(
        this.registry.hasBatchHandlers
          ? {
              partitionsConsumedConcurrently,
              eachBatchAutoResolve: false,
              eachBatch: (payload) => this.batches.process(payload),
            }
          : { partitionsConsumedConcurrently, eachMessage: (payload) => this.events.process(payload) },
      );
    } catch (error) {
      // Leave nothing half-started behind, so that a later start() tries again.
      if (this.consumer === consumer) this.consumer = null;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Stops fetching, lets in-flight handlers finish, and leaves the group. A handler that
   * fails from now on is neither retried nor dead-lettered: its offset stays uncommitted,
   * and the message is redelivered to whichever instance takes the partition.
   */
  async stop(): Promise<void> {
    this.stopSignal.stop();
    const consumer = this.consumer;
    this.consumer = null;
    this.joined = false;
    if (consumer) await consumer.disconnect();
  }
}
