import { randomUUID } from 'node:crypto';
import type { Consumer, EachBatchPayload, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopic, type EventEnvelope, type StreamDefinition } from '@lms/contracts';
import { runWithContext, type Logger, type RequestContext } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import { deadLetterMessage, headerText, REPLAY_HEADERS } from './dead-letter';
import { InvalidEventPayloadError, parseEnvelope } from './envelope-validation';
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface EventHandler {
  stream: StreamDefinition;
  type: string;
  handle(envelope: EventEnvelope): Promise<void>;
}

/**
 * A handler that applies the events of some types of one stream in batches (rule 8): it
 * receives validated envelopes of one partition, in partition order, and must make their
 * effects durable before it resolves. It is also called with one event at a time when a
 * batch failed, so it must be idempotent: applying an event it already applied (version
 * guards) must change nothing.
 */
export interface EventBatchHandler {
  stream: StreamDefinition;
  types: readonly string[];
  handleBatch(envelopes: EventEnvelope[]): Promise<void>;
  /** The most events handed over in one call (default: the consumer's `maxBatchSize`). */
  maxBatchSize?: number;
}

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

export interface ConsumerCounters {
  processed: number;
  retried: number;
  deadLettered: number;
  skipped: number;
}

export interface BatchCounters {
  /** Calls of batch handlers with more than one event that succeeded. */
  batches: number;
  /** Batches that failed and were handled again one event at a time. */
  fallbacks: number;
}

const DEFAULT_SESSION_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BATCH_SIZE = 500;

/** What a consumer does with one message: decided from its headers, contract and type alone. */
type Routed =
  | { kind: 'skip' }
  | { kind: 'invalid'; error: unknown }
  | { kind: 'event'; envelope: EventEnvelope; handler: EventHandler }
  | { kind: 'batch'; envelope: EventEnvelope; handler: EventBatchHandler };

/** Consecutive messages of one partition bound for one batch handler, not yet applied. */
interface PendingBatch {
  handler: EventBatchHandler;
  items: Array<{ message: KafkaMessage; envelope: EventEnvelope }>;
  /** The last offset the batch covers: its own events, and messages skipped after them. */
  lastOffset: string;
}

/** What the processing of one message needs of the fetch it came in. */
interface PartitionScope {
  stream: StreamDefinition;
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
}

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
  private readonly handlers = new Map<string, Map<string, EventHandler>>();
  private readonly batchHandlers = new Map<string, Map<string, EventBatchHandler>>();
  private readonly streams = new Map<string, StreamDefinition>();
  private readonly retry: RetryPolicy;
  private readonly sessionTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly maxBatchSize: number;
  /** Wakes the handlers waiting out a backoff when the consumer stops. */
  private readonly sleepers = new Set<() => void>();
  private consumer: Consumer | null = null;
  private joined = false;
  private stopping = false;
  readonly counters: ConsumerCounters = { processed: 0, retried: 0, deadLettered: 0, skipped: 0 };
  readonly batchCounters: BatchCounters = { batches: 0, fallbacks: 0 };

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.heartbeatIntervalMs = Math.min(3_000, Math.floor(this.sessionTimeoutMs / 3));
    this.maxBatchSize = Math.max(1, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** The streams this consumer reads (for topic provisioning). */
  get subscribedStreams(): StreamDefinition[] {
    return [...this.streams.values()];
  }

  on(handler: EventHandler): void {
    this.claim(handler.stream, handler.type);
    const byType = this.handlers.get(handler.stream.topic) ?? new Map<string, EventHandler>();
    byType.set(handler.type, handler);
    this.handlers.set(handler.stream.topic, byType);
    this.streams.set(handler.stream.topic, handler.stream);
  }

  /** Registers a handler that takes the events of its types in batches. */
  onBatch(handler: EventBatchHandler): void {
    if (handler.types.length === 0) throw new Error(`A batch handler on ${handler.stream.topic} needs types`);
    for (const type of handler.types) this.claim(handler.stream, type);
    const byType = this.batchHandlers.get(handler.stream.topic) ?? new Map<string, EventBatchHandler>();
    for (const type of handler.types) byType.set(type, handler);
    this.batchHandlers.set(handler.stream.topic, byType);
    this.streams.set(handler.stream.topic, handler.stream);
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
    if (this.consumer || this.streams.size === 0) return;
    this.stopping = false;
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
        topics: [...this.streams.keys()],
        fromBeginning: this.options.fromBeginning ?? true,
      });
      const partitionsConsumedConcurrently = this.options.partitionsConsumedConcurrently ?? 3;
      // Message by message unless some handler takes batches; then every topic of this
      // consumer is read by batch, its per-event handlers still called one event at a time.
      await consumer.run(
        this.batchHandlers.size === 0
          ? { partitionsConsumedConcurrently, eachMessage: (payload) => this.process(payload) }
          : {
              partitionsConsumedConcurrently,
              eachBatchAutoResolve: false,
              eachBatch: (payload) => this.processBatch(payload),
            },
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
    this.stopping = true;
    for (const wake of [...this.sleepers]) wake();
    const consumer = this.consumer;
    this.consumer = null;
    this.joined = false;
    if (consumer) await consumer.disconnect();
  }

  private claim(stream: StreamDefinition, type: string): void {
    if (this.handlers.get(stream.topic)?.has(type) || this.batchHandlers.get(stream.topic)?.has(type)) {
      throw new Error(`Two handlers for ${type} on ${stream.topic} in group ${this.groupId}`);
    }
  }

  /** Where a message goes: skipped, straight to the dead-letter topic, or to its handler. */
  private route(stream: StreamDefinition, message: KafkaMessage): Routed {
    const replayFor = headerText(message.headers, REPLAY_HEADERS.consumerGroup);
    // A dead letter of another group, put back for that group only.
    if (replayFor !== undefined && replayFor !== this.groupId) return { kind: 'skip' };
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(stream, message.value);
    } catch (error) {
      return { kind: 'invalid', error };
    }
    const handler = this.handlers.get(stream.topic)?.get(envelope.type);
    if (handler) return { kind: 'event', envelope, handler };
    const batchHandler = this.batchHandlers.get(stream.topic)?.get(envelope.type);
    if (batchHandler) return { kind: 'batch', envelope, handler: batchHandler };
    return { kind: 'skip' };
  }

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const stream = this.streams.get(topic);
    if (!stream) return;
    const scope: PartitionScope = { stream, topic, partition, heartbeat };
    const routed = this.route(stream, message);
    switch (routed.kind) {
      case 'skip':
        this.counters.skipped++;
        return;
      case 'invalid':
        await this.deadLetter(stream, { topic, partition, message, error: routed.error, attempts: 0 });
        return;
      case 'event':
        await this.handleOne(scope, message, routed.envelope, (e) => routed.handler.handle(e));
        return;
      case 'batch':
        await this.handleOne(scope, message, routed.envelope, (e) => routed.handler.handleBatch([e]));
        return;
    }
  }

  /**
   * One fetch of one partition. Messages are taken in order; consecutive events of one batch
   * handler are gathered and applied in one call; anything else (a per-event handler, an
   * invalid message) first applies what was gathered, then goes on by itself, so the order
   * of the partition is kept. An offset is resolved only once the effects of its message and
   * of every message before it are durable; kafkajs commits resolved offsets.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary } = payload;
    const stream = this.streams.get(batch.topic);
    if (!stream) return;
    const scope: PartitionScope = { stream, topic: batch.topic, partition: batch.partition, heartbeat };
    // Stop taking messages when the consumer stops or the partition was given to another
    // instance meanwhile (a rebalance): what is not resolved yet is redelivered.
    const goOn = (): boolean => payload.isRunning() && !payload.isStale() && !this.stopping;
    // The events gathered for one batch handler and not applied yet.
    const gathered: { run: PendingBatch | null } = { run: null };
    const flush = async (): Promise<void> => {
      const run = gathered.run;
      gathered.run = null;
      if (!run || !goOn()) return;
      await this.applyBatch(scope, run, resolveOffset);
      resolveOffset(run.lastOffset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    };
    for (const message of batch.messages) {
      if (!goOn()) return;
      const routed = this.route(stream, message);
      if (routed.kind === 'skip') {
        this.counters.skipped++;
        // Resolved with the events gathered before it, never ahead of them.
        if (gathered.run) gathered.run.lastOffset = message.offset;
        else resolveOffset(message.offset);
        continue;
      }
      if (routed.kind === 'batch') {
        if (gathered.run && gathered.run.handler !== routed.handler) await flush();
        const run = (gathered.run ??= { handler: routed.handler, items: [], lastOffset: message.offset });
        run.items.push({ message, envelope: routed.envelope });
        run.lastOffset = message.offset;
        if (run.items.length >= (routed.handler.maxBatchSize ?? this.maxBatchSize)) await flush();
        continue;
      }
      await flush();
      if (!goOn()) return;
      if (routed.kind === 'invalid') {
        await this.deadLetter(stream, {
          topic: batch.topic,
          partition: batch.partition,
          message,
          error: routed.error,
          attempts: 0,
        });
      } else {
        await this.handleOne(scope, message, routed.envelope, (e) => routed.handler.handle(e));
      }
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
    }
    await flush();
  }

  /**
   * Applies gathered events in one call of their batch handler. When that call fails, the
   * events are applied again one at a time through the same handler, each with the usual
   * retries and dead letter: only the event that keeps failing is dead-lettered, and its
   * neighbours are applied. Events the failed call had applied already are applied a second
   * time; batch handlers are idempotent (version guards, upserts on natural keys), so that
   * changes nothing and nothing is lost or doubled. Each event's offset is resolved as soon
   * as it is done, so that a stop in the middle redelivers only what is left. Once the event
   * that failed has been dealt with (applied on a retry, or dead-lettered), the events after
   * it are tried as a batch again.
   */
  private async applyBatch(
    scope: PartitionScope,
    run: PendingBatch,
    resolveOffset: (offset: string) => void,
  ): Promise<void> {
    const envelopes = run.items.map((item) => item.envelope);
    try {
      await this.whileHeartbeating(scope.heartbeat, () =>
        runWithContext(batchContext(envelopes), () => run.handler.handleBatch(envelopes)),
      );
      this.counters.processed += envelopes.length;
      if (envelopes.length > 1) this.batchCounters.batches++;
      return;
    } catch (error) {
      // Shutting down: leave the offsets unresolved, the events are redelivered after restart.
      if (this.stopping) throw error;
      if (envelopes.length === 1) {
        // Nothing to split: the usual retries, from the second attempt on.
        const [{ message, envelope }] = run.items as [PendingBatch['items'][number]];
        await this.handleOne(scope, message, envelope, (e) => run.handler.handleBatch([e]), error);
        return;
      }
      this.batchCounters.fallbacks++;
      this.logger.warn(
        {
          err: error,
          topic: scope.topic,
          partition: scope.partition,
          firstOffset: run.items[0]?.message.offset,
          lastOffset: run.items[run.items.length - 1]?.message.offset,
          events: envelopes.length,
        },
        'event batch failed; applying its events one at a time',
      );
    }
    for (const [i, { message, envelope }] of run.items.entries()) {
      const clean = await this.handleOne(scope, message, envelope, (e) => run.handler.handleBatch([e]));
      resolveOffset(message.offset);
      if (!clean && i + 1 < run.items.length) {
        // The event that broke the batch has been dealt with: the rest goes back to batches.
        await this.applyBatch(scope, { ...run, items: run.items.slice(i + 1) }, resolveOffset);
        return;
      }
    }
  }

  /**
   * Handles one event with retries and backoff, then dead-letters it. `firstFailure` is the
   * error of an attempt already made (it counts as the first one). True when the first attempt
   * succeeded; false when it took retries or a dead letter.
   */
  private async handleOne(
    scope: PartitionScope,
    message: KafkaMessage,
    envelope: EventEnvelope,
    handle: (envelope: EventEnvelope) => Promise<void>,
    firstFailure?: unknown,
  ): Promise<boolean> {
    const { stream, topic, partition, heartbeat } = scope;
    const context = { correlationId: envelope.correlationId, causationId: envelope.eventId };
    for (let attempt = 1; ; attempt++) {
      try {
        if (attempt === 1 && firstFailure !== undefined) throw firstFailure;
        await this.whileHeartbeating(heartbeat, () => runWithContext(context, () => handle(envelope)));
        this.counters.processed++;
        return attempt === 1;
      } catch (error) {
        const log = { err: error, topic, partition, offset: message.offset, type: envelope.type, attempt };
        // Shutting down: leave the offset uncommitted, the message is redelivered after restart.
        if (this.stopping) throw error;
        if (attempt >= this.retry.attempts || error instanceof InvalidEventPayloadError) {
          await runWithContext(context, () =>
            this.deadLetter(stream, { topic, partition, message, error, attempts: attempt }),
          );
          return false;
        }
        this.counters.retried++;
        this.logger.warn(log, 'event handler failed; retrying');
        await this.sleep(backoffMs(this.retry, attempt));
        if (this.stopping) throw error;
        await heartbeat();
      }
    }
  }

  /**
   * Runs `work` while telling the group coordinator this instance is alive: kafkajs only
   * heartbeats between messages, and a handler longer than the session timeout would
   * otherwise lose its partition in the middle of its work.
   */
  private async whileHeartbeating<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      // A failed heartbeat (a rebalance) is dealt with by kafkajs at the next fetch.
      heartbeat().catch(() => undefined);
    }, this.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async deadLetter(
    stream: StreamDefinition,
    failure: {
      topic: string;
      partition: number;
      message: KafkaMessage;
      error: unknown;
      attempts: number;
    },
  ): Promise<void> {
    const dlt = deadLetterTopic(stream, this.groupId);
    try {
      await this.producer.sendRaw(dlt, [
        deadLetterMessage(failure.message, { ...failure, consumerGroup: this.groupId }),
      ]);
    } catch (error) {
      // The offset stays uncommitted: the message is tried again, never dropped.
      this.logger.error(
        {
          err: error,
          deadLetterTopic: dlt,
          topic: failure.topic,
          partition: failure.partition,
          offset: failure.message.offset,
        },
        'could not write the dead letter; the message will be redelivered',
      );
      throw error;
    }
    this.counters.deadLettered++;
    this.logger.error(
      {
        err: failure.error,
        topic: failure.topic,
        partition: failure.partition,
        offset: failure.message.offset,
        deadLetterTopic: dlt,
        attempts: failure.attempts,
        alert: 'event-dead-lettered',
      },
      'event sent to the dead-letter topic',
    );
  }

  /** Waits out a backoff; cut short when the consumer stops. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

/**
 * The request context a batch is applied in: the events' common correlation id (one user
 * action, such as an import, causing them all) or a new one; the event itself as the cause
 * when there is only one.
 */
function batchContext(envelopes: readonly EventEnvelope[]): RequestContext {
  const [first] = envelopes;
  const common =
    first !== undefined && envelopes.every((e) => e.correlationId === first.correlationId)
      ? first.correlationId
      : randomUUID();
  return { correlationId: common, causationId: envelopes.length === 1 && first ? first.eventId : null };
}
