import type { EachMessagePayload, Kafka, KafkaMessage, Message } from 'kafkajs';
import type { EventEnvelope } from '@lms/contracts';
import { createLogger, currentContext } from '@lms/observability';
import { thingsStream } from '../../test/support/things.stream';
import type { EventProducer } from '../kafka/event-producer';
import { DLT_HEADERS, REPLAY_HEADERS } from './dead-letter';
import { EventConsumer } from './event-consumer';
import { InvalidEventPayloadError } from './envelope-validation';

const stream = thingsStream('test.things.v1');
const DLT = 'test.things.v1.dlt.things-projector';

/** Just enough of kafkajs to drive the consumer's message handling by hand. */
class FakeKafka {
  eachMessage: ((payload: EachMessagePayload) => Promise<void>) | null = null;
  disconnected = 0;

  consumer(): unknown {
    return {
      events: { GROUP_JOIN: 'group-join', CRASH: 'crash' },
      on: () => undefined,
      connect: async () => undefined,
      subscribe: async () => undefined,
      run: async (config: { eachMessage: (payload: EachMessagePayload) => Promise<void> }) => {
        this.eachMessage = config.eachMessage;
      },
      disconnect: async () => {
        this.disconnected++;
      },
    };
  }

  deliver(message: Partial<KafkaMessage>): Promise<void> {
    if (!this.eachMessage) throw new Error('consumer not started');
    return this.eachMessage({
      topic: stream.topic,
      partition: 1,
      message: {
        key: null,
        value: null,
        offset: '10',
        timestamp: '0',
        attributes: 0,
        size: 0,
        ...message,
      } as KafkaMessage,
      heartbeat: async () => undefined,
      pause: () => () => undefined,
    });
  }
}

class FakeProducer {
  readonly sent: Array<{ topic: string; message: Message }> = [];
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    for (const message of messages) this.sent.push({ topic, message });
  }
}

function envelope(sequence = 1): EventEnvelope {
  return {
    eventId: `019b76da-a800-7000-8000-00000000000${sequence}`,
    type: 'thing.recorded',
    schemaVersion: 1,
    tenantId: 'tenant-1',
    aggregateId: 'thing-1',
    aggregateVersion: sequence,
    occurredAt: '2026-01-01T10:00:00.000Z',
    producer: 'things-service',
    correlationId: 'corr-1',
    causationId: null,
    payload: { thingId: '0b1f6f0e-7e32-4c57-9a55-3f8c9a1d2e10', name: 'Lamp', sequence },
  };
}

const value = (e: unknown): Buffer => Buffer.from(JSON.stringify(e));

async function startedConsumer(handle: (envelope: EventEnvelope) => Promise<void>) {
  const kafka = new FakeKafka();
  const producer = new FakeProducer();
  const consumer = new EventConsumer(
    kafka as unknown as Kafka,
    producer as unknown as EventProducer,
    createLogger('messaging-test', { level: 'silent' }),
    { groupId: 'things-projector', retry: { attempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 } },
  );
  consumer.on({ stream, type: 'thing.recorded', handle });
  await consumer.start();
  return { kafka, producer, consumer };
}

describe('EventConsumer (message handling, no broker)', () => {
  it('hands a valid event to its handler, in the correlation of the event', async () => {
    const seen: Array<{ envelope: EventEnvelope; correlationId?: string; causationId?: string | null }> = [];
    const { kafka, producer, consumer } = await startedConsumer(async (e) => {
      seen.push({ envelope: e, ...currentContext() });
    });

    await kafka.deliver({ value: value(envelope()) });

    expect(seen).toEqual([
      { envelope: envelope(), correlationId: 'corr-1', causationId: envelope().eventId },
    ]);
    expect(producer.sent).toEqual([]);
    expect(consumer.metrics()).toEqual({ processed: 1, retried: 0, deadLettered: 0, skipped: 0 });
  });

  it('retries a failing handler, then dead-letters the message with the error', async () => {
    let calls = 0;
    const { kafka, producer, consumer } = await startedConsumer(async () => {
      calls++;
      throw new Error('projection store down');
    });

    await kafka.deliver({ value: value(envelope()) });

    expect(calls).toBe(3);
    expect(producer.sent).toHaveLength(1);
    expect(producer.sent[0]?.topic).toBe(DLT);
    expect(producer.sent[0]?.message.headers).toMatchObject({
      [DLT_HEADERS.errorMessage]: 'projection store down',
      [DLT_HEADERS.attempts]: '3',
      [DLT_HEADERS.originalOffset]: '10',
      [DLT_HEADERS.originalPartition]: '1',
    });
    expect(consumer.metrics()).toEqual({ processed: 0, retried: 2, deadLettered: 1, skipped: 0 });
  });

  it('succeeds on a retry without dead-lettering', async () => {
    let calls = 0;
    const { kafka, producer, consumer } = await startedConsumer(async () => {
      if (++calls === 1) throw new Error('blip');
    });

    await kafka.deliver({ value: value(envelope()) });

    expect(producer.sent).toEqual([]);
    expect(consumer.metrics()).toMatchObject({ processed: 1, retried: 1 });
  });

  it('dead-letters an invalid message at once, without calling the handler', async () => {
    let calls = 0;
    const { kafka, producer } = await startedConsumer(async () => {
      calls++;
    });

    await kafka.deliver({ value: value({ ...envelope(), payload: { thingId: 'x' } }) });

    expect(calls).toBe(0);
    expect(producer.sent[0]?.message.headers).toMatchObject({
      [DLT_HEADERS.attempts]: '0',
      [DLT_HEADERS.errorCode]: 'EVENT.INVALID_PAYLOAD',
    });
  });

  it('does not retry a handler that finds the event invalid', async () => {
    let calls = 0;
    const { kafka, producer } = await startedConsumer(async () => {
      calls++;
      throw new InvalidEventPayloadError(stream.topic, 'thing.recorded', 'name is reserved');
    });

    await kafka.deliver({ value: value(envelope()) });

    expect(calls).toBe(1);
    expect(producer.sent[0]?.message.headers).toMatchObject({ [DLT_HEADERS.attempts]: '1' });
  });

  it('skips a replay meant for another consumer group, and handles one meant for its own', async () => {
    const handled: number[] = [];
    const { kafka, consumer } = await startedConsumer(async (e) => {
      handled.push(e.aggregateVersion);
    });

    await kafka.deliver({
      value: value(envelope(1)),
      headers: { [REPLAY_HEADERS.consumerGroup]: Buffer.from('other-group') },
    });
    await kafka.deliver({
      value: value(envelope(2)),
      headers: { [REPLAY_HEADERS.consumerGroup]: Buffer.from('things-projector') },
    });

    expect(handled).toEqual([2]);
    expect(consumer.metrics()).toMatchObject({ processed: 1, skipped: 1 });
  });

  it('leaves a message that fails while stopping to be redelivered, neither retried nor dead-lettered', async () => {
    let calls = 0;
    let stopped: Promise<void> = Promise.resolve();
    const { kafka, producer, consumer } = await startedConsumer(async () => {
      calls++;
      stopped = consumer.stop();
      throw new Error('interrupted by shutdown');
    });

    await expect(kafka.deliver({ value: value(envelope()) })).rejects.toThrow('interrupted by shutdown');
    await stopped;

    expect(calls).toBe(1);
    expect(producer.sent).toEqual([]);
    expect(consumer.metrics().deadLettered).toBe(0);
  });

  it('cuts a backoff short when stopping, and leaves the message uncommitted', async () => {
    const kafka = new FakeKafka();
    const producer = new FakeProducer();
    const consumer = new EventConsumer(
      kafka as unknown as Kafka,
      producer as unknown as EventProducer,
      createLogger('messaging-test', { level: 'silent' }),
      { groupId: 'things-projector', retry: { attempts: 3, initialBackoffMs: 60_000, maxBackoffMs: 60_000 } },
    );
    let failedOnce!: () => void;
    const firstFailure = new Promise<void>((resolve) => (failedOnce = resolve));
    consumer.on({
      stream,
      type: 'thing.recorded',
      handle: async () => {
        failedOnce();
        throw new Error('projection store down');
      },
    });
    await consumer.start();

    const delivery = kafka.deliver({ value: value(envelope()) });
    await firstFailure;
    await new Promise((resolve) => setImmediate(resolve)); // let it enter its backoff
    expect(consumer.metrics().retried).toBe(1);
    await consumer.stop();

    await expect(delivery).rejects.toThrow('projection store down');
    expect(producer.sent).toEqual([]);
  });

  it('starts again after a stop, retrying as before', async () => {
    let calls = 0;
    const { kafka, producer, consumer } = await startedConsumer(async () => {
      calls++;
      throw new Error('still broken');
    });
    await consumer.stop();

    await consumer.start();
    await kafka.deliver({ value: value(envelope()) });

    expect(calls).toBe(3);
    expect(producer.sent).toHaveLength(1);
  });
});
