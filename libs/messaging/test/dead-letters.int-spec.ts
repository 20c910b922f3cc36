import { randomUUID } from 'node:crypto';
import { deadLetterTopic, type EventEnvelope, type StreamDefinition } from '@lms/contracts';
import { DeadLetterReplayer, EventFactory, type EventHandler, type OutboxEntry } from '../src';
import { eventually, MessagingTestKit, type RecordedMessage } from './support/messaging-test-kit';
import type { ThingEvents, ThingRecordedV1 } from './support/things.stream';

/**
 * Rule 3: a message that cannot be processed never blocks its partition; it lands in
 * `<topic>.dlt.<group>` with the error in its headers, and can be replayed once fixed.
 */
describe('dead letters (real broker)', () => {
  const kit = new MessagingTestKit('dead-letters');
  const factory = new EventFactory('messaging-tests');
  const tenantId = `tenant-${kit.suffix}`;

  afterAll(() => kit.close());

  function thing(
    stream: StreamDefinition<ThingEvents>,
    name: string,
    aggregateId = 'thing-1',
    sequence = 0,
  ): OutboxEntry {
    return factory.create(stream, 'thing.recorded', {
      tenantId,
      aggregateId,
      aggregateVersion: sequence + 1,
      payload: { thingId: randomUUID(), name, sequence },
    });
  }

  function recordedHandler(
    stream: StreamDefinition<ThingEvents>,
    handle: (e: EventEnvelope<string, ThingRecordedV1>) => Promise<void>,
  ): EventHandler {
    return {
      stream: stream as StreamDefinition,
      type: 'thing.recorded',
      handle: (envelope) => handle(envelope as EventEnvelope<string, ThingRecordedV1>),
    };
  }

  async function oneMessage(read: () => RecordedMessage[]): Promise<RecordedMessage> {
    return eventually(() => {
      const found = read();
      expect(found).toHaveLength(1);
      return found[0] as RecordedMessage;
    });
  }

  it('dead-letters a message whose handler fails 3 times, with the error in headers, and processes the next one', async () => {
    const group = kit.group('poison');
    const stream = await kit.stream('poison', [group]);
    const attempts = new Map<string, number>();
    const processed: Array<{ eventId: string; poisonAttemptsBefore: number }> = [];
    let poisonId = '';
    const consumer = await kit.consumer({ groupId: group }, [
      recordedHandler(stream, async (e) => {
        attempts.set(e.eventId, (attempts.get(e.eventId) ?? 0) + 1);
        if (e.payload.name === 'poison') throw new Error(`cannot project ${e.payload.name}`);
        processed.push({ eventId: e.eventId, poisonAttemptsBefore: attempts.get(poisonId) ?? 0 });
      }),
    ]);
    const topic = await kit.recorder(stream.topic);
    const deadLetters = await kit.deadLetterRecorder(stream, group);
    // Same aggregate, so the same partition: the poison comes first.
    const poison = thing(stream, 'poison');
    const next = thing(stream, 'fine', 'thing-1', 1);
    poisonId = poison.eventId;

    await kit.producer.send([poison, next]);

    await eventually(() => expect(processed.map((p) => p.eventId)).toEqual([next.eventId]));
    const original = await oneMessage(() => topic.withEventId(poison.eventId));
    const letter = await oneMessage(() => deadLetters.withEventId(poison.eventId));
    expect(letter.headers).toMatchObject({
      'dlt-error-message': 'cannot project poison',
      'dlt-error-code': 'Error',
      'dlt-original-topic': stream.topic,
      'dlt-original-partition': String(original.partition),
      'dlt-original-offset': original.offset,
      'dlt-consumer-group': group,
      'dlt-attempts': '3',
      'event-type': 'thing.recorded',
    });
    expect(letter.topic).toBe(deadLetterTopic(stream, group));
    expect({ key: letter.key, value: letter.value }).toEqual({ key: original.key, value: original.value });
    expect(attempts.get(poison.eventId)).toBe(3);
    // The next message waited for the poison's three attempts, on the same partition, then ran.
    expect(processed[0]?.poisonAttemptsBefore).toBe(3);
    expect((await oneMessage(() => topic.withEventId(next.eventId))).partition).toBe(original.partition);
    expect(consumer.metrics()).toEqual({ processed: 1, retried: 2, deadLettered: 1, skipped: 0 });
    // Both offsets are committed: the partition goes on.
    const nextOffset = BigInt((await oneMessage(() => topic.withEventId(next.eventId))).offset);
    await eventually(async () =>
      expect(await kit.committedOffset(group, stream.topic, original.partition)).toBe(nextOffset + 1n),
    );
  });

  it('sends an invalid payload straight to the dead-letter topic, without calling the handler', async () => {
    const group = kit.group('invalid');
    const stream = await kit.stream('invalid', [group]);
    const handled: string[] = [];
    const consumer = await kit.consumer({ groupId: group }, [
      recordedHandler(stream, async (e) => {
        handled.push(e.eventId);
      }),
    ]);
    const deadLetters = await kit.deadLetterRecorder(stream, group);
    const valid = thing(stream, 'fine', 'thing-1', 2);
    const broken = thing(stream, 'broken');
    const invalidEnvelope = {
      ...broken.envelope,
      payload: { thingId: 'not-a-uuid', name: 'broken', sequence: 0 },
    };
    const key = `${tenantId}:thing-1`;

    await kit.producer.sendRaw(stream.topic, [
      { key, value: JSON.stringify(invalidEnvelope) },
      { key, value: '{"eventId": "truncated' },
    ]);
    await kit.producer.send([valid]);

    await eventually(() => expect(handled).toEqual([valid.eventId]));
    await eventually(() => expect(deadLetters.messages).toHaveLength(2));
    const [payloadLetter, jsonLetter] = deadLetters.messages;
    expect(payloadLetter?.headers).toMatchObject({
      'dlt-attempts': '0',
      'dlt-error-code': 'EVENT.INVALID_PAYLOAD',
    });
    expect(payloadLetter?.headers['dlt-error-message']).toContain('thingId');
    expect(payloadLetter?.value).toBe(JSON.stringify(invalidEnvelope));
    expect(jsonLetter?.headers).toMatchObject({
      'dlt-attempts': '0',
      'dlt-error-code': 'EVENT.INVALID_PAYLOAD',
    });
    expect(jsonLetter?.headers['dlt-error-message']).toContain('not JSON');
    expect(consumer.metrics()).toEqual({ processed: 1, retried: 0, deadLettered: 2, skipped: 0 });
  });

  it('replays dead letters for their group once the cause is fixed, up to a limit, resuming where it stopped', async () => {
    const group = kit.group('replayed');
    const stream = await kit.stream('replayed', [group]);
    let storeUp = false;
    const processed: string[] = [];
    const bystanderHandled: string[] = [];
    const consumer = await kit.consumer({ groupId: group }, [
      recordedHandler(stream, async (e) => {
        if (!storeUp) throw new Error('projection store unavailable');
        processed.push(e.eventId);
      }),
    ]);
    // Another service reading the same topic: it handled the event the first time.
    const bystander = await kit.consumer({ groupId: kit.group('bystander') }, [
      recordedHandler(stream, async (e) => {
        bystanderHandled.push(e.eventId);
      }),
    ]);
    const topic = await kit.recorder(stream.topic);
    const deadLetters = await kit.deadLetterRecorder(stream, group);
    const events = ['a', 'b', 'c'].map((name, i) => thing(stream, name, `thing-${name}`, i));

    await kit.producer.send(events);
    await eventually(() => expect(deadLetters.messages).toHaveLength(3));
    await eventually(() => expect(bystanderHandled).toHaveLength(3));
    expect(processed).toEqual([]);

    storeUp = true;
    const replayer = new DeadLetterReplayer(kit.kafka, kit.producer, kit.logger);
    const firstRun = await replayer.replay({ topic: stream.topic, consumerGroup: group, max: 2 });

    expect(firstRun).toEqual({
      deadLetterTopic: deadLetterTopic(stream, group),
      replayed: 2,
      skipped: 0,
      remaining: 1,
      timedOut: false,
    });
    const firstTwo = deadLetters.messages
      .slice(0, 2)
      .map((m) => JSON.parse(m.value ?? '{}').eventId as string);
    await eventually(() => expect([...processed].sort()).toEqual([...firstTwo].sort()));

    const secondRun = await replayer.replay({ topic: stream.topic, consumerGroup: group });

    expect(secondRun).toMatchObject({ replayed: 1, remaining: 0 });
    await eventually(() => expect([...processed].sort()).toEqual(events.map((e) => e.eventId).sort()));
    expect(await replayer.replay({ topic: stream.topic, consumerGroup: group })).toMatchObject({
      replayed: 0,
      remaining: 0,
    });

    // The replayed copies carry where they came from, and no dead-letter headers.
    const letterA = await oneMessage(() => deadLetters.withEventId(events[0]?.eventId ?? ''));
    const copies = await eventually(() => {
      const found = topic.withEventId(events[0]?.eventId ?? '');
      expect(found).toHaveLength(2);
      return found;
    });
    const copy = copies.find((m) => m.headers['replayed-from']);
    expect(copy?.headers).toEqual({
      'event-type': 'thing.recorded',
      'correlation-id': events[0]?.envelope.correlationId,
      'replayed-from': `${deadLetterTopic(stream, group)}:${letterA.partition}:${letterA.offset}`,
      'replay-consumer-group': group,
    });
    expect(copy?.value).toBe(letterA.value);
    // The other group skipped the replays: it handled each event once.
    await eventually(() => expect(bystander.metrics().skipped).toBe(3));
    expect(bystanderHandled).toHaveLength(3);
    expect(consumer.metrics()).toMatchObject({ processed: 3, deadLettered: 3 });
  });

  it('replays nothing, quickly, when the dead-letter topic does not exist', async () => {
    const replayer = new DeadLetterReplayer(kit.kafka, kit.producer, kit.logger);

    const result = await replayer.replay({
      topic: `messaging-test.none.${kit.suffix}.v1`,
      consumerGroup: 'nobody',
    });

    expect(result).toMatchObject({ replayed: 0, remaining: 0, timedOut: false });
  });
});
