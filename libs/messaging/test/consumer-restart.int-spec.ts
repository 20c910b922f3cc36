import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongoose';
import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import { EventFactory, EventProducer, type EventConsumer, type EventHandler } from '../src';
import { eventually, KillableNetwork, MessagingTestKit } from './support/messaging-test-kit';
import type { ThingEvents, ThingRecordedV1 } from './support/things.stream';

const N = 200;

interface ProcessedThing {
  _id: string;
  sequence: number;
  deliveries: number;
}

/**
 * Rule 4: offsets are committed only after the effect is durable, so a consumer that dies
 * in the middle of a stream loses nothing: its successor in the group redoes what was not
 * committed (duplicates allowed, the handlers are idempotent).
 */
describe('a consumer killed and restarted (real broker and Mongo)', () => {
  const kit = new MessagingTestKit('restart');
  const factory = new EventFactory('messaging-tests');
  const tenantId = `tenant-${kit.suffix}`;

  afterAll(() => kit.close());

  async function produce(stream: StreamDefinition<ThingEvents>): Promise<string[]> {
    const entries = Array.from({ length: N }, (_, sequence) =>
      factory.create(stream, 'thing.recorded', {
        tenantId,
        aggregateId: `thing-${sequence % 25}`,
        aggregateVersion: sequence + 1,
        payload: { thingId: randomUUID(), name: `thing ${sequence}`, sequence },
      }),
    );
    await kit.producer.send(entries);
    return entries.map((e) => (e.envelope.payload as ThingRecordedV1).thingId);
  }

  /** The idempotent effect: one document per thing, however often it is delivered. */
  function recordIn(things: Collection<ProcessedThing>) {
    return async (e: EventEnvelope<string, ThingRecordedV1>): Promise<void> => {
      await things.updateOne(
        { _id: e.payload.thingId },
        { $setOnInsert: { sequence: e.payload.sequence }, $inc: { deliveries: 1 } },
        { upsert: true },
      );
    };
  }

  function handler(
    stream: StreamDefinition<ThingEvents>,
    handle: (e: EventEnvelope<string, ThingRecordedV1>) => Promise<void>,
  ): EventHandler {
    return {
      stream: stream as StreamDefinition,
      type: 'thing.recorded',
      handle: (envelope) => handle(envelope as EventEnvelope<string, ThingRecordedV1>),
    };
  }

  async function expectEveryThingProcessed(
    things: Collection<ProcessedThing>,
    ids: string[],
  ): Promise<number> {
    await eventually(async () => expect(await things.countDocuments({})).toBe(N), { timeoutMs: 60_000 });
    const stored = await things.find({}).toArray();
    expect(stored.map((t) => t._id).sort()).toEqual([...ids].sort());
    return stored.reduce((sum, t) => sum + t.deliveries, 0) - N;
  }

  it('loses nothing when stopped while handlers are in flight, those failing as it goes down', async () => {
    const group = kit.group('stopped');
    const stream = await kit.stream('stopped', [group]);
    const things = (await kit.mongo()).collection<ProcessedThing>(`things-stopped`);
    const record = recordIn(things);
    const STOP_AFTER = 60;
    let entered = 0;
    let interrupted = 0;
    let stopped: Promise<void> | null = null;
    let goDown!: () => void;
    const goingDown = new Promise<void>((resolve) => (goDown = resolve));
    const consumers: EventConsumer[] = [];
    const first = await kit.consumer({ groupId: group }, [
      handler(stream, async (e) => {
        const n = ++entered;
        if (n > STOP_AFTER) {
          // In flight on another partition when the process goes down: its work fails with it.
          interrupted++;
          await goingDown;
          throw new Error('process going down');
        }
        await record(e);
        if (n === STOP_AFTER) {
          // Stop while at least one other handler is in the middle of its work.
          await eventually(() => expect(interrupted).toBeGreaterThan(0));
          stopped = consumers[0]?.stop() ?? null;
          goDown();
        }
      }),
    ]);
    consumers.push(first);

    const ids = await produce(stream);
    await eventually(() => expect(stopped).not.toBeNull());
    await stopped;
    expect(await things.countDocuments({})).toBe(STOP_AFTER);
    expect(first.metrics()).toMatchObject({ processed: STOP_AFTER, deadLettered: 0 });

    const second = await kit.consumer({ groupId: group }, [handler(stream, record)]);

    const duplicates = await expectEveryThingProcessed(things, ids);
    expect(second.metrics().deadLettered).toBe(0);
    console.log(
      `stopped mid-stream: ${STOP_AFTER}/${N} done, ${interrupted} interrupted in flight, ${duplicates} redelivered twice`,
    );
  });

  it('loses nothing when its connection dies mid-stream (no leave, no last commit)', async () => {
    const group = kit.group('killed');
    const stream = await kit.stream('killed', [group]);
    const things = (await kit.mongo()).collection<ProcessedThing>(`things-killed`);
    const record = recordIn(things);
    const network = new KillableNetwork();
    const doomedKafka = kit.killableKafka(network);
    const doomedProducer = new EventProducer(doomedKafka);
    kit.onClose(() => doomedProducer.disconnect());
    let handled = 0;
    let killed = false;
    // The shortest session the broker allows, so that the group gives up on the dead member soon.
    const sessionTimeoutMs = 6_000;
    await kit.consumer(
      { groupId: group, sessionTimeoutMs },
      [
        handler(stream, async (e) => {
          if (killed) throw new Error('process killed');
          await record(e);
          if (++handled === 60) {
            killed = true;
            network.kill();
          }
        }),
      ],
      doomedKafka,
      doomedProducer,
    );

    const ids = await produce(stream);
    await eventually(() => expect(killed).toBe(true));
    const doneBeforeRestart = await things.countDocuments({});
    expect(doneBeforeRestart).toBeLessThan(N);

    const second = await kit.consumer({ groupId: group, sessionTimeoutMs }, [handler(stream, record)]);

    const duplicates = await expectEveryThingProcessed(things, ids);
    expect(second.metrics().deadLettered).toBe(0);
    console.log(`killed mid-stream: ${doneBeforeRestart}/${N} before the restart, ${duplicates} redelivered`);
  });
});
