import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { OutboxEntry } from '../outbox/outbox-entry';

export const EVENT_TYPE_HEADER = 'event-type';
export const CORRELATION_ID_HEADER = 'correlation-id';

/** Sends outbox entries to Kafka, waiting for every in-sync replica to have them. */
export class EventProducer {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(kafka: Kafka) {
    // One request in flight keeps the order of an aggregate's events on retries.
    // The Java client's partitioner (murmur2), chosen explicitly: a key lands on the same
    // partition whichever client produced it, and kafkajs stops warning about its default.
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    // A failed connect is forgotten, so that the next send tries again instead of failing forever.
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    return this.connected;
  }

  async send(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, Message[]>();
    for (const entry of entries) {
      const messages = byTopic.get(entry.topic) ?? [];
      messages.push(toMessage(entry));
      byTopic.set(entry.topic, messages);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** Sends raw messages (dead letters, replays). */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    await this.connected.catch(() => undefined);
    this.connected = null;
    await this.producer.disconnect();
  }
}

function toMessage(entry: OutboxEntry): Message {
  return {
    key: entry.key,
    value: JSON.stringify(entry.envelope),
    headers: {
      [EVENT_TYPE_HEADER]: entry.envelope.type,
      [CORRELATION_ID_HEADER]: entry.envelope.correlationId,
    },
  };
}
