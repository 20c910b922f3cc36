import type { EachBatchPayload, Kafka, KafkaMessage, Message } from 'kafkajs';
import type { EventEnvelope } from '@lms/contracts';
import { createLogger, currentContext } from '@lms/observability';
import { thingsStream } from '../../test/support/things.stream';
import type { EventProducer } from '../kafka/event-producer';
import { DLT_HEADERS, REPLAY_HEADERS } from './dead-letter';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';

const stream = thingsStream('test.things.v1');
const DLT = 'test.things.v1.dlt.things-projector';
const THING_ID = '0b1f6f0e-7e32-4c57-9a55-3f8c9a1d2e10';

/** Just enough of kafkajs to hand the consumer fetched batches by hand and see what it resolves. */
class FakeBatchKafka {
  eachBatch: ((payload: EachBatchPayload) => Promise<void>) | null = null;
  runConfig: Record<string, unknown> = {};
  resolved: string[] = [];
  commits = 0;
  stale = false;

  consumer(): unknown {
    return {
      events: { GROUP_JOIN: 'group-join', CRASH: 'crash' },
      on: () => undefined,
      connect: async () => undefined,
      subscribe: async () => undefined,
      run: async (config: { eachBatch: (payload: EachBatchPayload) => Promise<void> }) => {
        this.runConfig = config;
        this.eachBatch = config.eachBatch;
      },
      disconnect: async () => undefined,
    };
  }

  /** Delivers messages as one fetch of partition 1, offsets from 10 on. */
  deliver(messages: Array<Partial<KafkaMessage>>): Promise<void> {
    if (!this.eachBatch) throw new Error('consumer not started with batches');
    const fetched = messages.map(
      (message, i) =>
        ({
          key: null,
          value: null,
          offset: String(10 + i),
          timestamp: '0',
          attributes: 0,
          size: 0,
          ...message,
        }) as KafkaMessage,
    );
    return this.eachBatch({
      batch: {
        topic: stream.topic,
        partition: 1,
        highWatermark: String(10 + fetched.length),
        messages: fetched,
        isEmpty: () => fetched.length === 0,
        firstOffset: () => fetched[0]?.offset ?? null,
        lastOffset: () => fetched[fetched.length - 1]?.offset ?? '9',
        offsetLag: () => '0',
        offsetLagLow: () => '0',
      },
      resolveOffset: (offset) => {
        this.resolved.push(offset);
      },
      heartbeat: async () => undefined,
      pause: () => () => undefined,
      commitOffsetsIfNecessary: async () => {
        this.commits++;
      },
      uncommittedOffsets: () => ({ topics: [] }),
      isRunning: () => true,
      isStale: () => this.stale,
    });
  }

  /** The highest offset resolved so far (what kafkajs would commit, plus one). */
  lastResolved(): string | undefined {
    return this.resolved[this.resolved.length - 1];
  }
}

class FakeProducer {
  readonly sent: Array<{ topic: string; message: Message }> = [];
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    for (const message of messages) this.sent.push({ topic, message });
  }
}

function envelope(sequence: number, name = `thing ${sequence}`, type = 'thing.recorded'): EventEnvelope {
  return {
    eventId: `019b76da-a800-7000-8000-0000000000${String(sequence).padStart(2, '0')}`,
    type,
    schemaVersion: 1,
    tenantId: 'tenant-1',
    aggregateId: `thing-${sequence}`,
    aggregateVersion: sequence,
    occurredAt: '2026-01-01T10:00:00.000Z',
    producer: 'things-service',
    correlationId: 'corr-1',
    causationId: null,
    payload: type === 'thing.recorded' ? { thingId: THING_ID, name, sequence } : { thingId: THING_ID, name },
  };
}

const message = (e: unknown, headers?: KafkaMessage['headers']): Partial<KafkaMessage> => ({
  value: Buffer.from(JSON.stringify(e)),
  ...(headers ? { headers } : {}),
});

/**
 * An idempotent projection, as batch handlers are: each aggregate keeps the newest version
 * applied. It applies a batch event by event and fails at the first poison, keeping what it
 * applied before it (as a bulk write that fails half-way would).
 */
class FakeProjection {
  readonly versions = new Map<string, number>();
  /** Effective writes per aggregate (a repeated, version-guarded write is not one). */
  readonly writes = new Map<string, number>();
  readonly calls: number[][] = [];

  async handleBatch(envelopes: EventEnvelope[]): Promise<void> {
    this.calls.push(envelopes.map((e) => e.aggregateVersion));
    for (const e of envelopes) {
      if ((e.payload as { name: string }).name === 'poison') throw new Error(`cannot project ${e.eventId}`);
      if ((this.versions.get(e.aggregateId) ?? 0) >= e.aggregateVersion) continue;
      this.versions.set(e.aggregateId, e.aggregateVersion);
      this.writes.set(e.aggregateId, (this.writes.get(e.aggregateId) ?? 0) + 1);
    }
  }
}

async function startedConsumer(options: Partial<EventConsumerOptions> = {}) {
  const kafka = new FakeBatchKafka();
  const producer = new FakeProducer();
  const projection = new FakeProjection();
  const consumer = new EventConsumer(
    kafka as unknown as Kafka,
    producer as unknown as EventProducer,
    createLogger('messaging-test', { level: 'silent' }),
    {
      groupId: 'things-projector',
      retry: { attempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 },
      ...options,
    },
  );
  consumer.onBatch({
    stream,
    types: ['thing.recorded'],
    handleBatch: (envelopes) => projection.handleBatch(envelopes),
  });
  await consumer.start();
  return { kafka, producer, projection, consumer };
}

describe('EventConsumer with a batch handler (no broker)', () => {
  it('reads by batch, resolving offsets itself', async () => {
    const { kafka } = await startedConsumer();

    expect(kafka.runConfig).toMatchObject({ eachBatchAutoResolve: false });
    expect(kafka.runConfig.eachMessage).toBeUndefined();
  });

  it('given a fetch of events, then one call applies them all in partition order, and the last offset is resolved after it', async () => {
    const { kafka, projection, consumer, producer } = await startedConsumer();

    await kafka.deliver([1, 2, 3, 4].map((n) => message(envelope(n))));

    expect(projection.calls).toEqual([[1, 2, 3, 4]]);
    expect(kafka.resolved).toEqual(['13']);
    expect(kafka.commits).toBeGreaterThan(0);
    expect(producer.sent).toEqual([]);
    expect(consumer.metrics()).toEqual({ processed: 4, retried: 0, deadLettered: 0, skipped: 0 });
    expect(consumer.batchMetrics()).toEqual({ batches: 1, fallbacks: 0 });
  });

  it('given more events than the batch size, then they are applied in calls of at most that size', async () => {
    const { kafka, projection } = await startedConsumer({ maxBatchSize: 2 });

    await kafka.deliver([1, 2, 3, 4, 5].map((n) => message(envelope(n))));

    expect(projection.calls).toEqual([[1, 2], [3, 4], [5]]);
    expect(kafka.resolved).toEqual(['11', '13', '14']);
  });

  it('given a poison event in the middle, then it alone is retried and dead-lettered, and each neighbour is applied once', async () => {
    const { kafka, projection, producer, consumer } = await startedConsumer();

    await kafka.deliver([message(envelope(1)), message(envelope(2, 'poison')), message(envelope(3))]);

    // The batch call, then one event at a time: 1, the poison three times, 3.
    expect(projection.calls).toEqual([[1, 2, 3], [1], [2], [2], [2], [3]]);
    expect(projection.writes).toEqual(
      new Map([
        ['thing-1', 1],
        ['thing-3', 1],
      ]),
    );
    expect(producer.sent).toHaveLength(1);
    expect(producer.sent[0]?.topic).toBe(DLT);
    expect(producer.sent[0]?.message.headers).toMatchObject({
      [DLT_HEADERS.originalOffset]: '11',
      [DLT_HEADERS.attempts]: '3',
      [DLT_HEADERS.errorMessage]: `cannot project ${envelope(2).eventId}`,
    });
    expect(kafka.lastResolved()).toBe('12');
    expect(consumer.metrics()).toEqual({ processed: 2, retried: 2, deadLettered: 1, skipped: 0 });
    expect(consumer.batchMetrics()).toEqual({ batches: 0, fallbacks: 1 });
  });

  it('given a poison event, then the events after it go back to batches once it is dead-lettered', async () => {
    const { kafka, projection, producer, consumer } = await startedConsumer();

    await kafka.deliver([
      message(envelope(1)),
      message(envelope(2, 'poison')),
      message(envelope(3)),
      message(envelope(4)),
      message(envelope(5)),
    ]);

    expect(projection.calls).toEqual([[1, 2, 3, 4, 5], [1], [2], [2], [2], [3, 4, 5]]);
    expect([...projection.writes.values()]).toEqual([1, 1, 1, 1]);
    expect(producer.sent).toHaveLength(1);
    expect(kafka.lastResolved()).toBe('14');
    expect(consumer.batchMetrics()).toEqual({ batches: 1, fallbacks: 1 });
  });

  it('given a batch that fails once, then its events are applied one at a time without a dead letter', async () => {
    const { kafka, projection, producer, consumer } = await startedConsumer();
    const handleBatch = projection.handleBatch.bind(projection);
    let failures = 1;
    projection.handleBatch = async (envelopes) => {
      if (failures-- > 0) throw new Error('connection reset');
      await handleBatch(envelopes);
    };

    await kafka.deliver([1, 2, 3].map((n) => message(envelope(n))));

    expect(projection.calls).toEqual([[1], [2], [3]]);
    expect(producer.sent).toEqual([]);
    expect(kafka.lastResolved()).toBe('12');
    expect(consumer.metrics()).toMatchObject({ processed: 3, retried: 0, deadLettered: 0 });
  });

  it('given an invalid message in the middle, then it goes straight to the dead-letter topic and the events around it are applied in order', async () => {
    const { kafka, projection, producer } = await startedConsumer();

    await kafka.deliver([
      message(envelope(1)),
      message({ ...envelope(2), payload: { thingId: 'not-a-uuid' } }),
      message(envelope(3)),
    ]);

    expect(projection.calls).toEqual([[1], [3]]);
    expect(producer.sent.map((s) => s.message.headers)).toEqual([
      expect.objectContaining({
        [DLT_HEADERS.attempts]: '0',
        [DLT_HEADERS.errorCode]: 'EVENT.INVALID_PAYLOAD',
        [DLT_HEADERS.originalOffset]: '11',
      }),
    ]);
    expect(kafka.resolved).toEqual(['10', '11', '12']);
  });

  it('given events of types nobody handles, or replays for another group, then they are skipped and resolved only with the batch around them', async () => {
    const { kafka, projection, consumer } = await startedConsumer();

    await kafka.deliver([
      message(envelope(1, 'renamed', 'thing.renamed')),
      message(envelope(2)),
      message(envelope(3, 'renamed', 'thing.renamed')),
      message(envelope(4), { [REPLAY_HEADERS.consumerGroup]: Buffer.from('other-group') }),
      message(envelope(5), { [REPLAY_HEADERS.consumerGroup]: Buffer.from('things-projector') }),
    ]);

    expect(projection.calls).toEqual([[2, 5]]);
    expect(kafka.resolved).toEqual(['10', '14']);
    expect(consumer.metrics()).toMatchObject({ processed: 2, skipped: 3 });
  });

  it('given a per-event handler on the same stream, then the order of the partition is kept across both', async () => {
    const kafka = new FakeBatchKafka();
    const consumer = new EventConsumer(
      kafka as unknown as Kafka,
      new FakeProducer() as unknown as EventProducer,
      createLogger('messaging-test', { level: 'silent' }),
      { groupId: 'things-projector' },
    );
    const seen: string[] = [];
    consumer.onBatch({
      stream,
      types: ['thing.recorded'],
      handleBatch: async (envelopes) => {
        seen.push(`batch ${envelopes.map((e) => e.aggregateVersion).join(',')}`);
      },
    });
    consumer.on({
      stream,
      type: 'thing.renamed',
      handle: async (e) => {
        seen.push(`renamed ${e.aggregateVersion}`);
        expect(currentContext()).toEqual({ correlationId: 'corr-1', causationId: e.eventId });
      },
    });
    await consumer.start();

    await kafka.deliver([
      message(envelope(1)),
      message(envelope(2)),
      message(envelope(3, 'x', 'thing.renamed')),
      message(envelope(4)),
    ]);

    expect(seen).toEqual(['batch 1,2', 'renamed 3', 'batch 4']);
    expect(kafka.resolved).toEqual(['11', '12', '13']);
  });

  it('applies a batch in the correlation its events share', async () => {
    const kafka = new FakeBatchKafka();
    const consumer = new EventConsumer(
      kafka as unknown as Kafka,
      new FakeProducer() as unknown as EventProducer,
      createLogger('messaging-test', { level: 'silent' }),
      { groupId: 'things-projector' },
    );
    const contexts: unknown[] = [];
    consumer.onBatch({
      stream,
      types: ['thing.recorded'],
      handleBatch: async () => {
        contexts.push(currentContext());
      },
    });
    await consumer.start();

    await kafka.deliver([message(envelope(1)), message(envelope(2))]);
    await kafka.deliver([message(envelope(3))]);

    expect(contexts).toEqual([
      { correlationId: 'corr-1', causationId: null },
      { correlationId: 'corr-1', causationId: envelope(3).eventId },
    ]);
  });

  it('given the partition was taken by another instance, then it applies and resolves nothing more', async () => {
    const { kafka, projection } = await startedConsumer();
    kafka.stale = true;

    await kafka.deliver([1, 2].map((n) => message(envelope(n))));

    expect(projection.calls).toEqual([]);
    expect(kafka.resolved).toEqual([]);
  });

  it('given a batch that fails while stopping, then nothing is retried, dead-lettered or resolved', async () => {
    const { kafka, projection, producer, consumer } = await startedConsumer();
    let stopped: Promise<void> = Promise.resolve();
    projection.handleBatch = async () => {
      stopped = consumer.stop();
      throw new Error('interrupted by shutdown');
    };

    await expect(kafka.deliver([1, 2].map((n) => message(envelope(n))))).rejects.toThrow(
      'interrupted by shutdown',
    );
    await stopped;

    expect(producer.sent).toEqual([]);
    expect(kafka.resolved).toEqual([]);
  });

  it('refuses a second handler for a type a batch handler takes', async () => {
    const consumer = new EventConsumer(
      new FakeBatchKafka() as unknown as Kafka,
      new FakeProducer() as unknown as EventProducer,
      createLogger('messaging-test', { level: 'silent' }),
      { groupId: 'things-projector' },
    );
    consumer.onBatch({ stream, types: ['thing.recorded'], handleBatch: async () => undefined });

    expect(() => consumer.on({ stream, type: 'thing.recorded', handle: async () => undefined })).toThrow(
      'Two handlers for thing.recorded',
    );
  });
});
