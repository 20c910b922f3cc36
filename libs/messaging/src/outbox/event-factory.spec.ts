import { runWithContext } from '@lms/observability';
import { thingsStream, type ThingEvents } from '../../test/support/things.stream';
import type { StreamDefinition } from '@lms/contracts';
import { InvalidEventPayloadError, parseEnvelope } from '../consumer/envelope-validation';
import { EventFactory } from './event-factory';

const stream = thingsStream('test.things.v1');
const factory = new EventFactory('things-service');
const payload = { thingId: '0b1f6f0e-7e32-4c57-9a55-3f8c9a1d2e10', name: 'Lamp', sequence: 4 };
const input = { tenantId: 'tenant-1', aggregateId: 'thing-1', aggregateVersion: 2, payload };
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('EventFactory.create', () => {
  it('fills the envelope and routes the entry to the stream, keyed by aggregate', () => {
    const occurredAt = new Date('2026-01-01T10:00:00.000Z');

    const entry = factory.create(stream, 'thing.recorded', { ...input, occurredAt });

    expect(entry).toEqual({
      eventId: entry.envelope.eventId,
      topic: 'test.things.v1',
      key: 'tenant-1:thing-1',
      envelope: {
        eventId: expect.stringMatching(UUID_V7),
        type: 'thing.recorded',
        schemaVersion: 1,
        tenantId: 'tenant-1',
        aggregateId: 'thing-1',
        aggregateVersion: 2,
        occurredAt: '2026-01-01T10:00:00.000Z',
        producer: 'things-service',
        correlationId: expect.any(String),
        causationId: null,
        payload,
      },
    });
  });

  it('gives every event an id of its own', () => {
    const ids = new Set(
      Array.from({ length: 100 }, () => factory.create(stream, 'thing.recorded', input).eventId),
    );

    expect(ids.size).toBe(100);
  });

  it('takes the correlation and causation ids of the work in progress', () => {
    const context = { correlationId: 'corr-42', causationId: '019b76da-a800-7000-8000-000000000001' };

    const entry = runWithContext(context, () => factory.create(stream, 'thing.recorded', input));

    expect(entry.envelope.correlationId).toBe('corr-42');
    expect(entry.envelope.causationId).toBe('019b76da-a800-7000-8000-000000000001');
  });

  it('starts a new correlation, caused by nothing, outside any request or event', () => {
    const first = factory.create(stream, 'thing.recorded', input);
    const second = factory.create(stream, 'thing.recorded', input);

    expect(first.envelope.correlationId).not.toBe(second.envelope.correlationId);
    expect(first.envelope.causationId).toBeNull();
  });

  it('makes only events that a consumer accepts', () => {
    const entry = factory.create(stream, 'thing.recorded', input);

    const parsed = parseEnvelope(stream as StreamDefinition, Buffer.from(JSON.stringify(entry.envelope)));

    expect(parsed).toEqual(entry.envelope);
  });

  it('rejects a payload that breaks its contract', () => {
    const invalid = { ...payload, thingId: 'nope' };

    expect(() => factory.create(stream, 'thing.recorded', { ...input, payload: invalid })).toThrow(
      InvalidEventPayloadError,
    );
    expect(() => factory.create(stream, 'thing.recorded', { ...input, payload: invalid })).toThrow(/thingId/);
  });

  it('rejects a type the stream does not declare', () => {
    const untyped = stream as unknown as StreamDefinition<
      ThingEvents & { 'thing.exploded': ThingEvents['thing.renamed'] }
    >;

    expect(() => factory.create(untyped, 'thing.exploded', { ...input, payload })).toThrow(
      /type not declared/,
    );
  });

  it.each([
    ['an empty tenant id', { tenantId: '' }, /tenantId/],
    ['an empty aggregate id', { aggregateId: '' }, /aggregateId/],
    ['a fractional aggregate version', { aggregateVersion: 1.5 }, /aggregateVersion/],
    ['an invalid date', { occurredAt: new Date('not a date') }, /occurredAt/],
  ])('rejects %s, which every consumer would dead-letter', (_case, change, message) => {
    expect(() => factory.create(stream, 'thing.recorded', { ...input, ...change })).toThrow(message);
  });
});
