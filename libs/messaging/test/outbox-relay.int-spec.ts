import { randomUUID } from 'node:crypto';
import { Schema, type Model } from 'mongoose';
import type { StreamDefinition } from '@lms/contracts';
import { runWithContext, uuidV7 } from '@lms/observability';
import { asOutboxCollection, EventFactory, OUTBOX_FIELD, OutboxRelay, type OutboxEntry } from '../src';
import { eventually, MessagingTestKit, type TopicRecorder } from './support/messaging-test-kit';
import type { ThingEvents } from './support/things.stream';

interface ThingRecord {
  _id: string;
  tenantId: string;
  name: string;
  version: number;
  outbox: OutboxEntry[];
}

const thingSchema = new Schema<ThingRecord>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { versionKey: false },
);

/**
 * Rule 1: a state change and its events are one single-document write; the relay publishes
 * them right after it, and the sweeper publishes what a crashed writer left behind.
 */
describe('outbox relay (real broker and Mongo)', () => {
  const kit = new MessagingTestKit('outbox');
  const factory = new EventFactory('messaging-tests');
  const tenantId = `tenant-${kit.suffix}`;
  let relay: OutboxRelay;

  beforeEach(() => {
    relay = new OutboxRelay(kit.producer, kit.logger, {
      sweepMinAgeMs: 5_000,
      sweepBatchSize: 2,
      sweepIntervalMs: 60_000,
    });
  });
  afterEach(() => relay.stop());
  afterAll(() => kit.close());

  async function things(label: string): Promise<Model<ThingRecord>> {
    const connection = await kit.mongo();
    return connection.model<ThingRecord>(`Thing${label}`, thingSchema, `things-${label}`);
  }

  function recorded(
    stream: StreamDefinition<ThingEvents>,
    aggregateId: string,
    version: number,
    occurredAt?: Date,
  ) {
    return factory.create(stream, 'thing.recorded', {
      tenantId,
      aggregateId,
      aggregateVersion: version,
      payload: { thingId: randomUUID(), name: `thing v${version}`, sequence: version },
      occurredAt,
    });
  }

  function renamed(stream: StreamDefinition<ThingEvents>, aggregateId: string, version: number) {
    return factory.create(stream, 'thing.renamed', {
      tenantId,
      aggregateId,
      aggregateVersion: version,
      payload: { thingId: randomUUID(), name: `renamed v${version}` },
    });
  }

  const eventIds = (recorder: TopicRecorder): string[] =>
    recorder.messages.map((m) => (JSON.parse(m.value ?? '{}') as { eventId: string }).eventId);

  it('publishes the entries written with a change, in order, and removes them from the document', async () => {
    const stream = await kit.stream('publish');
    const Things = await things('publish');
    const id = uuidV7();
    const context = { correlationId: `corr-${kit.suffix}`, causationId: uuidV7() };
    const [created, firstRename, secondRename] = runWithContext(context, () => [
      recorded(stream, id, 1),
      renamed(stream, id, 2),
      renamed(stream, id, 3),
    ]);
    const topic = await kit.recorder(stream.topic);

    await Things.create({ _id: id, tenantId, name: 'thing v1', version: 1, outbox: [created] });
    await Things.updateOne(
      { _id: id, tenantId },
      { $set: { name: 'renamed v3', version: 3 }, $push: { outbox: { $each: [firstRename, secondRename] } } },
    );
    await relay.publish(asOutboxCollection(Things), [id]);

    expect((await Things.findById(id).lean())?.outbox).toEqual([]);
    const sent = [created, firstRename, secondRename] as OutboxEntry[];
    await eventually(() => expect(eventIds(topic)).toEqual(sent.map((e) => e.eventId)));
    expect(new Set(topic.messages.map((m) => m.partition)).size).toBe(1);
    expect(topic.messages.map((m) => JSON.parse(m.value ?? '{}'))).toEqual(sent.map((e) => e.envelope));
    expect(topic.messages[0]).toMatchObject({
      key: `${tenantId}:${id}`,
      headers: { 'event-type': 'thing.recorded', 'correlation-id': context.correlationId },
    });
    expect(topic.messages.map((m) => JSON.parse(m.value ?? '{}'))).toEqual(
      sent.map(() =>
        expect.objectContaining({ correlationId: context.correlationId, causationId: context.causationId }),
      ),
    );
  });

  it('publishes soon after a write without the writer waiting', async () => {
    const stream = await kit.stream('soon');
    const Things = await things('soon');
    const id = uuidV7();
    const entry = recorded(stream, id, 1);
    const topic = await kit.recorder(stream.topic);

    await Things.create({ _id: id, tenantId, name: 'thing v1', version: 1, outbox: [entry] });
    relay.publishSoon(asOutboxCollection(Things), [id]);

    await eventually(() => expect(eventIds(topic)).toEqual([entry.eventId]));
    await eventually(async () => expect((await Things.findById(id).lean())?.outbox).toEqual([]));
  });

  it('sweeps up what a crashed writer left, behind any number of young entries, keeping the ids', async () => {
    const stream = await kit.stream('sweep');
    const Things = await things('sweep');
    const collection = asOutboxCollection(Things);
    relay.watch(collection);
    const topic = await kit.recorder(stream.topic);
    // Entries still being published by live writers: younger than sweepMinAgeMs, more than a sweep batch.
    const young = [uuidV7(), uuidV7(), uuidV7()];
    for (const id of young) {
      await collection.insertOne({ _id: id, outbox: [recorded(stream, id, 1)] });
    }
    // A writer that crashed a minute ago, between its write and its publish.
    const orphanId = uuidV7();
    const cause = uuidV7();
    const orphan = runWithContext({ correlationId: `corr-${kit.suffix}`, causationId: cause }, () =>
      recorded(stream, orphanId, 4, new Date(Date.now() - 60_000)),
    );
    await collection.insertOne({ _id: orphanId, outbox: [orphan] });

    expect(await relay.sweep()).toBe(1);

    await eventually(() => expect(eventIds(topic)).toEqual([orphan.eventId]));
    expect(JSON.parse(topic.messages[0]?.value ?? '{}')).toMatchObject({
      eventId: orphan.eventId,
      correlationId: `corr-${kit.suffix}`,
      causationId: cause,
      aggregateVersion: 4,
    });
    expect((await Things.findById(orphanId).lean())?.outbox).toEqual([]);
    for (const id of young) expect((await Things.findById(id).lean())?.outbox).toHaveLength(1);

    // Graceful shutdown flushes the rest, whatever their age.
    await relay.stop();

    await eventually(() => expect(eventIds(topic)).toHaveLength(4));
    expect((await Things.find({}).lean()).filter((doc) => doc.outbox.length > 0)).toEqual([]);
  });
});
