import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongoose';
import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import { EventConsumer, EventFactory, type EventBatchHandler, type OutboxEntry } from '../src';
import { eventually, MessagingTestKit } from './support/messaging-test-kit';
import type { ThingEvents, ThingRecordedV1 } from './support/things.stream';

const N = 300;

interface AppliedThing {
  _id: string;
  sequence: number;
}

/**
 * Rule 8: a hot consumer applies events in batches, with bulk writes; a failing event is
 * retried and dead-lettered alone, its neighbours applied once; offsets are committed after
 * the batch is durable.
 */
describe('batch handlers (real broker and Mongo)', () => {
  const kit = new MessagingTestKit('batches');
  const factory = new EventFactory('messaging-tests');
  const tenantId = `tenant-${kit.suffix}`;

  afterAll(() => kit.close());

  function thing(
    stream: StreamDefinition<ThingEvents>,
    sequence: number,
    name = `thing ${sequence}`,
  ): OutboxEntry {
    return factory.create(stream, 'thing.recorded', {
      tenantId,
      aggregateId: `thing-${sequence % 30}`,
      aggregateVersion: sequence + 1,
      payload: { thingId: randomUUID(), name, sequence },
    });
  }

  /**
   * Writes a batch in one unordered bulk upsert keyed by the thing (idempotent: a repeat
   * inserts nothing). A poison in the batch fails it after the events before it were written,
   * as a bulk write that breaks half-way would.
   */
  function projector(things: Collection<AppliedThing>, calls: number[]) {
    return async (envelopes: EventEnvelope[]): Promise<void> => {
      calls.push(envelopes.length);
      const poisonAt = envelopes.findIndex((e) => (e.payload as ThingRecordedV1).name === 'poison');
      const writable = poisonAt === -1 ? envelopes : envelopes.slice(0, poisonAt);
      if (writable.length > 0) {
        await things.bulkWrite(
          writable.map((e) => {
            const { thingId, sequence } = e.payload as ThingRecordedV1;
            return {
              updateOne: { filter: { _id: thingId }, update: { $setOnInsert: { sequence } }, upsert: true },
            };
          }),
          { ordered: false },
        );
      }
      if (poisonAt !== -1) throw new Error('cannot project poison');
    };
  }

  async function startConsumer(group: string, handler: EventBatchHandler): Promise<EventConsumer> {
    const consumer = new EventConsumer(kit.kafka, kit.producer, kit.logger.child({ groupId: group }), {
      groupId: group,
      retry: { attempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
    });
    consumer.onBatch(handler);
    kit.onClose(() => consumer.stop());
    await consumer.start();
    await eventually(() => expect(consumer.isJoined()).toBe(true), { timeoutMs: 60_000 });
    return consumer;
  }

  it('applies many events in few calls, dead-letters a poison alone, and commits the offsets', async () => {
    const group = kit.group('projector');
    const stream = await kit.stream('projector', [group]);
    const things = (await kit.mongo()).collection<AppliedThing>('things-batched');
    const calls: number[] = [];
    const entries = Array.from({ length: N }, (_, sequence) =>
      thing(stream, sequence, sequence === N / 2 ? 'poison' : undefined),
    );
    const poison = entries[N / 2] as OutboxEntry;
    const neighbours = entries.filter((e) => e !== poison);
    const deadLetters = await kit.deadLetterRecorder(stream, group);

    await kit.producer.send(entries);
    const consumer = await startConsumer(group, {
      stream: stream as StreamDefinition,
      types: ['thing.recorded'],
      handleBatch: projector(things, calls),
    });

    await eventually(async () => expect(await things.countDocuments({})).toBe(N - 1), { timeoutMs: 60_000 });
    const letter = await eventually(() => {
      const found = deadLetters.withEventId(poison.eventId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(letter?.headers).toMatchObject({
      'dlt-attempts': '3',
      'dlt-error-message': 'cannot project poison',
    });
    expect(deadLetters.messages).toHaveLength(1);
    const stored = await things.find({}).toArray();
    expect(stored.map((t) => t._id).sort()).toEqual(
      neighbours.map((e) => (e.envelope.payload as ThingRecordedV1).thingId).sort(),
    );
    // Batches: far fewer calls than events, besides the poison's batch handled one by one.
    const batchCalls = calls.filter((size) => size > 1);
    expect(batchCalls.length).toBeGreaterThan(0);
    expect(batchCalls.length).toBeLessThan(N / 10);
    expect(consumer.batchMetrics().fallbacks).toBe(1);
    expect(consumer.metrics()).toMatchObject({ processed: N - 1, retried: 2, deadLettered: 1 });

    // Every offset is committed: a consumer of the same group started later applies only what is new.
    const admin = kit.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(stream.topic).finally(() => admin.disconnect());
    for (const { partition, offset } of ends) {
      await eventually(async () =>
        expect(await kit.committedOffset(group, stream.topic, partition)).toBe(BigInt(offset)),
      );
    }
    await consumer.stop();
    const afterRestart: string[] = [];
    await startConsumer(group, {
      stream: stream as StreamDefinition,
      types: ['thing.recorded'],
      handleBatch: async (envelopes) => {
        afterRestart.push(...envelopes.map((e) => e.eventId));
      },
    });
    const later = thing(stream, N);
    await kit.producer.send([later]);
    await eventually(() => expect(afterRestart).toEqual([later.eventId]), { timeoutMs: 30_000 });
    console.log(
      `${N} events in ${calls.length} handler calls (${batchCalls.length} batches, largest ${Math.max(...calls)})`,
    );
  });
});
