import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { deadLetterTopic, type EventEnvelope, type StreamDefinition } from '@lms/contracts';
import { runWithContext, type Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import { deadLetterMessage, headerText, REPLAY_HEADERS } from './dead-letter';
import { InvalidEventPayloadError, parseEnvelope } from './envelope-validation';
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface EventHandler {
  stream: StreamDefinition;
  type: string;
  handle(envelope: EventEnvelope): Promise<void>;
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
}

export interface ConsumerCounters {
  processed: number;
  retried: number;
  deadLettered: number;
  skipped: number;
}

const DEFAULT_SESSION_TIMEOUT_MS = 30_000;

/**
 * A Kafka consumer that validates each message against its contract, runs its handler,
 * retries failures with backoff and sends what still fails to the dead-letter topic, so
 * that a poison message never stops its partition. The offset of a message is committed
 * only after its handler resolved or its dead letter was written.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Map<string, EventHandler>>();
  private readonly streams = new Map<string, StreamDefinition>();
  private readonly retry: RetryPolicy;
  private readonly sessionTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  /** Wakes the handlers waiting out a backoff when the consumer stops. */
  private readonly sleepers = new Set<() => void>();
  private consumer: Consumer | null = null;
  private joined = false;
  private stopping = false;
  readonly counters: ConsumerCounters = { processed: 0, retried: 0, deadLettered: 0, skipped: 0 };

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.heartbeatIntervalMs = Math.min(3_000, Math.floor(this.sessionTimeoutMs / 3));
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** The streams this consumer reads (for topic provisioning). */
  get subscribedStreams(): StreamDefinition[] {
    return [...this.streams.values()];
  }

  on(handler: EventHandler): void {
    const byType = this.handlers.get(handler.stream.topic) ?? new Map<string, EventHandler>();
    if (byType.has(handler.type)) {
      throw new Error(`Two handlers for ${handler.type} on ${handler.stream.topic} in group ${this.groupId}`);
    }
    byType.set(handler.type, handler);
    this.handlers.set(handler.stream.topic, byType);
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
      await consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachMessage: (payload) => this.process(payload),
      });
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

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const stream = this.streams.get(topic);
    if (!stream) return;
    const replayFor = headerText(message.headers, REPLAY_HEADERS.consumerGroup);
    if (replayFor !== undefined && replayFor !== this.groupId) {
      // A dead letter of another group, put back for that group only.
      this.counters.skipped++;
      return;
    }
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(stream, message.value);
    } catch (error) {
      await this.deadLetter(stream, { topic, partition, message, error, attempts: 0 });
      return;
    }
    const handler = this.handlers.get(topic)?.get(envelope.type);
    if (!handler) {
      this.counters.skipped++;
      return;
    }
    const context = { correlationId: envelope.correlationId, causationId: envelope.eventId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.whileHeartbeating(heartbeat, () =>
          runWithContext(context, () => handler.handle(envelope)),
        );
        this.counters.processed++;
        return;
      } catch (error) {
        const log = { err: error, topic, partition, offset: message.offset, type: envelope.type, attempt };
        // Shutting down: leave the offset uncommitted, the message is redelivered after restart.
        if (this.stopping) throw error;
        if (attempt >= this.retry.attempts || error instanceof InvalidEventPayloadError) {
          await runWithContext(context, () =>
            this.deadLetter(stream, { topic, partition, message, error, attempts: attempt }),
          );
          return;
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
      message: EachMessagePayload['message'];
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
