import { connect, type Socket } from 'node:net';
import { Kafka, logLevel, type Consumer, type ISocketFactory } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';
import { deadLetterTopic, type EventMap, type StreamDefinition } from '@lms/contracts';
import { createLogger, type Logger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  brokersFromEnv,
  createKafka,
  ensureTopics,
  EventConsumer,
  EventProducer,
  type EventConsumerOptions,
  type EventHandler,
} from '../../src';
import { thingsStream, type ThingEvents } from './things.stream';

export { eventually, uniqueSuffix };

/** A message as a test reads it back: headers as text. */
export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads a topic from its beginning in a group of its own and keeps what it read, so that a
 * test can wait for a message ("handler spy") instead of sleeping.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    readonly topic: string,
  ) {}

  async start(): Promise<this> {
    const consumer = this.kafka.consumer({ groupId: `recorder-${uniqueSuffix()}`, maxWaitTimeInMs: 200 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined)
            headers[name] = (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
        }
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
      },
    });
    return this;
  }

  /** The messages whose value (JSON) has the given `eventId`. */
  withEventId(eventId: string): RecordedMessage[] {
    return this.messages.filter((m) => m.value !== null && m.value.includes(`"eventId":"${eventId}"`));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}

/**
 * The network of one "process": kill() cuts every connection at once and refuses new ones,
 * as a crash would: no leave-group, no last commit.
 */
export class KillableNetwork {
  private readonly sockets = new Set<Socket>();
  private killed = false;

  readonly socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = connect({ host, port }, onConnect);
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    if (this.killed) process.nextTick(() => socket.destroy(new Error('process killed')));
    return socket;
  };

  kill(): void {
    this.killed = true;
    for (const socket of this.sockets) socket.destroy(new Error('process killed'));
  }
}

/** Kafka, Mongo and a logger for the messaging integration tests, cleaned up in one call. */
export class MessagingTestKit {
  readonly suffix = uniqueSuffix();
  /** Quiet: the library logs every retry and dead letter these tests cause on purpose. */
  readonly logger: Logger = createLogger('messaging-int-test', {
    level: process.env.MESSAGING_TEST_LOG_LEVEL ?? 'silent',
  });
  readonly kafka: Kafka;
  readonly producer: EventProducer;
  private readonly cleanups: Array<() => Promise<unknown>> = [];
  private mongoConnection: Connection | null = null;
  /** Topics this kit created, deleted in close(). */
  private readonly topics: string[] = [];

  constructor(readonly name: string) {
    this.kafka = createKafka(
      { brokers: brokersFromEnv(process.env), clientId: `messaging-test-${name}` },
      this.logger,
    );
    this.producer = new EventProducer(this.kafka);
  }

  /** A test-only stream on a topic of its own, created with the dead-letter topics of `groups`. */
  async stream(label: string, groups: string[] = [], partitions = 3): Promise<StreamDefinition<ThingEvents>> {
    const stream = thingsStream(`messaging-test.${this.name}.${label}.${this.suffix}.v1`, partitions);
    this.topics.push(stream.topic, ...groups.map((group) => deadLetterTopic(stream, group)));
    await ensureTopics(this.kafka, {
      streams: [stream as StreamDefinition],
      deadLetters: groups.map((consumerGroup) => ({ stream: stream as StreamDefinition, consumerGroup })),
    });
    return stream;
  }

  group(label: string): string {
    return `messaging-test-${this.name}-${label}-${this.suffix}`;
  }

  /** Starts a consumer and waits until it has joined its group. */
  async consumer(
    options: EventConsumerOptions,
    handlers: EventHandler[],
    kafka: Kafka = this.kafka,
    producer: EventProducer = this.producer,
  ): Promise<EventConsumer> {
    const consumer = new EventConsumer(kafka, producer, this.logger.child({ groupId: options.groupId }), {
      retry: { attempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
      ...options,
    });
    for (const handler of handlers) consumer.on(handler);
    this.cleanups.push(() => consumer.stop());
    await consumer.start();
    await eventually(
      () => {
        if (!consumer.isJoined()) throw new Error(`consumer of ${options.groupId} has not joined yet`);
      },
      { timeoutMs: 60_000 },
    );
    return consumer;
  }

  async recorder(topic: string): Promise<TopicRecorder> {
    const recorder = new TopicRecorder(this.kafka, topic);
    this.cleanups.push(() => recorder.stop());
    return recorder.start();
  }

  deadLetterRecorder(stream: StreamDefinition<EventMap>, group: string): Promise<TopicRecorder> {
    return this.recorder(deadLetterTopic(stream, group));
  }

  /** A Kafka client of its own, whose network a test can kill; it logs nothing. */
  killableKafka(network: KillableNetwork): Kafka {
    return new Kafka({
      clientId: `messaging-test-${this.name}-doomed`,
      brokers: brokersFromEnv(process.env),
      logLevel: logLevel.NOTHING,
      // A dead process does not come back: no restart after the crash the kill causes.
      retry: { initialRetryTime: 100, retries: 3, restartOnFailure: async () => false },
      socketFactory: network.socketFactory,
    });
  }

  /** A database of its own, dropped at the end. */
  async mongo(): Promise<Connection> {
    if (this.mongoConnection) return this.mongoConnection;
    const uri = process.env.MONGODB_URI;
    if (!uri) throw new Error('MONGODB_URI is not set (the integration global setup sets it)');
    const connection = await mongoose
      .createConnection(uri, { dbName: `messaging-test-${this.name}-${this.suffix}` })
      .asPromise();
    this.mongoConnection = connection;
    return connection;
  }

  /** Registers clean-up work for close(). */
  onClose(cleanup: () => Promise<unknown>): void {
    this.cleanups.push(cleanup);
  }

  /** The offset the group committed on a partition of a topic (-1 when none). */
  async committedOffset(groupId: string, topic: string, partition: number): Promise<bigint> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return BigInt(offsets?.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
    } finally {
      await admin.disconnect();
    }
  }

  private async deleteTopics(): Promise<void> {
    if (this.topics.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      await admin.deleteTopics({ topics: this.topics.filter((topic) => existing.has(topic)) });
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    // All at once (each consumer waits out its last fetch), and not for ever: a consumer
    // whose network a test killed may take long to give up.
    const cleanups = this.cleanups.splice(0);
    await Promise.all(cleanups.map((cleanup) => withTimeout(cleanup(), 15_000).catch(() => undefined)));
    await this.producer.disconnect().catch(() => undefined);
    await this.deleteTopics().catch(() => undefined);
    if (this.mongoConnection) {
      await this.mongoConnection.dropDatabase().catch(() => undefined);
      await this.mongoConnection.close();
      this.mongoConnection = null;
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
