import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { deadLetterTopic, type EventEnvelope, type StreamDefinition } from '@lms/contracts';
import { runWithContext, type Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import { deadLetterMessage } from './dead-letter';
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
}

export interface ConsumerCounters {
  processed: number;
  retried: number;
  deadLettered: number;
  skipped: number;
}

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

  /** True once the consumer has joined its group and been given partitions. */
  isJoined(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    if (this.consumer || this.streams.size === 0) return;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    consumer.on(consumer.events.GROUP_JOIN, () => (this.joined = true));
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      this.logger.error({ err: event.payload.error, groupId: this.groupId }, 'consumer crashed');
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.streams.keys()], fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.process(payload),
    });
  }

  /** Stops fetching, lets in-flight handlers finish, and leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    const consumer = this.consumer;
    this.consumer = null;
    this.joined = false;
    if (consumer) await consumer.disconnect();
  }

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const stream = this.streams.get(topic);
    if (!stream) return;
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
        await runWithContext(context, () => handler.handle(envelope));
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
        await sleep(backoffMs(this.retry, attempt));
        await heartbeat();
      }
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
    await this.producer.sendRaw(dlt, [
      deadLetterMessage(failure.message, { ...failure, consumerGroup: this.groupId }),
    ]);
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
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
