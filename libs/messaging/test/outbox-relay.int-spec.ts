import { randomUUID } from 'node:crypto';
import { Schema, type Model } from 'mongoose';
import type { StreamDefinition } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { runWithContext } from '@lms/observability';
import {
  asOutboxCollection,
  EventFactory,
  EventProducer,
  OUTBOX_FIELD,
  OutboxRelay,
  outboxCollectionsOf,
  type OutboxEntry,
} from '../src';
import {
  eventually,
  KillableNetwork,
  MessagingTestKit,
  type TopicRecorder,
} from './support/messaging-test-kit';
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
    const id = newId();
    const context = { correlationId: `corr-${kit.suffix}`, causationId: newId() };
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
    const id = newId();
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
    const young = [newId(), newId(), newId()];
    for (const id of young) {
      await collection.insertOne({ _id: id, outbox: [recorded(stream, id, 1)] });
    }
    // A writer that crashed a minute ago, between its write and its publish.
    const orphanId = newId();
    const cause = newId();
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

  it('finds every collection with an outbox from the models alone, before anything is written', async () => {
    const connection = await kit.mongo();
    const Things = await things('models');
    connection.model('Plain', new Schema({ name: String }), 'plain-models');

    const names = outboxCollectionsOf(connection).map((c) => c.collectionName);

    expect(names).toContain(Things.collection.collectionName);
    expect(names).not.toContain('plain-models');
  });

  it('publishes the neighbours of a document the broker refuses, and sets that one aside', async () => {
    const stream = await kit.stream('poison');
    const Things = await things('poison');
    const collection = asOutboxCollection(Things);
    relay.watch(collection);
    const topic = await kit.recorder(stream.topic);
    const old = new Date(Date.now() - 60_000);
    const ids = [newId(), newId(), newId(), newId(), newId()].sort();
    const entries = ids.map((id) => recorded(stream, id, 1, old));
    // The second document's entry is larger than the broker accepts (1 MB by default).
    const poison = ids[1];
    (entries[1].envelope.payload as { name: string }).name = 'x'.repeat(1_200_000);
    for (const [i, id] of ids.entries()) await collection.insertOne({ _id: id, outbox: [entries[i]] });

    // Pages of two: the page holding the refused document must not stop the pages after it.
    expect(await relay.sweep()).toBe(4);

    const good = entries.filter((_, i) => i !== 1).map((e) => e.eventId);
    await eventually(() => expect(new Set(eventIds(topic))).toEqual(new Set(good)));
    for (const id of ids) {
      const left = (await Things.findById(id).lean())?.outbox ?? [];
      expect(left).toHaveLength(id === poison ? 1 : 0);
    }
    expect(relay.counters.unpublishable).toBe(1);

    // Set aside: the next sweeps do not try it again until its delay is over.
    expect(await relay.sweep()).toBe(0);
    expect(relay.counters.unpublishable).toBe(1);
  });

  it('holds bulk writers back while the broker cannot take what is pending, and leaves it for the sweeper', async () => {
    const stream = await kit.stream('backpressure');
    const Things = await things('backpressure');
    const collection = asOutboxCollection(Things);
    const network = new KillableNetwork();
    network.kill(); // the broker is unreachable from this "process"
    const unreachable = new EventProducer(kit.killableKafka(network));
    const bounded = new OutboxRelay(unreachable, kit.logger, {
      maxInFlightDocuments: 3,
      sweepIntervalMs: 60_000,
    });
    const ids = [newId(), newId(), newId(), newId(), newId()];
    for (const id of ids) await collection.insertOne({ _id: id, outbox: [recorded(stream, id, 1)] });

    bounded.publishSoon(collection, ids);
    let admitted = false;
    const waiting = bounded.backpressure().then(() => (admitted = true));

    expect(bounded.pendingDocuments).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(admitted).toBe(false);
    // Once the sends have failed, the writer may go on, and nothing was lost.
    await waiting;
    expect(bounded.pendingDocuments).toBe(0);
    const left = await Things.find({ _id: { $in: ids } }).lean();
    expect(left.map((doc) => doc.outbox.length)).toEqual([1, 1, 1, 1, 1]);
    await unreachable.disconnect().catch(() => undefined);
  });
});
