import type { EventEnvelope } from '@lms/contracts';
import { thingsStream } from '../../test/support/things.stream';
import { InvalidEventPayloadError, parseEnvelope } from './envelope-validation';

const stream = thingsStream('test.things.v1');

function validEnvelope(): EventEnvelope {
  return {
    eventId: '019b76da-a800-7000-8000-000000000001',
    type: 'thing.recorded',
    schemaVersion: 1,
    tenantId: 'tenant-1',
    aggregateId: 'thing-1',
    aggregateVersion: 3,
    occurredAt: '2026-01-01T10:00:00.000Z',
    producer: 'things-service',
    correlationId: 'corr-1',
    causationId: null,
    payload: { thingId: '0b1f6f0e-7e32-4c57-9a55-3f8c9a1d2e10', name: 'Lamp', sequence: 0 },
  };
}

function raw(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function rejection(value: Buffer | null): InvalidEventPayloadError {
  try {
    parseEnvelope(stream, value);
  } catch (error) {
    if (error instanceof InvalidEventPayloadError) return error;
    throw error;
  }
  throw new Error('parseEnvelope accepted the message');
}

describe('parseEnvelope', () => {
  it('returns the envelope of a well-formed event of a declared type', () => {
    const envelope = validEnvelope();

    const parsed = parseEnvelope(stream, raw(envelope));

    expect(parsed).toEqual(envelope);
  });

  it('accepts a causation id', () => {
    const envelope = { ...validEnvelope(), causationId: '019b76da-a800-7000-8000-000000000000' };

    expect(parseEnvelope(stream, raw(envelope)).causationId).toBe(envelope.causationId);
  });

  it('rejects an empty message', () => {
    expect(rejection(null).message).toContain('empty message');
  });

  it('rejects a value that is not JSON, with a stable code', () => {
    const error = rejection(Buffer.from('{"eventId": '));

    expect(error.code).toBe('EVENT.INVALID_PAYLOAD');
    expect(error.message).toBe('Invalid (unknown) event on test.things.v1: not JSON');
  });

  it.each([['42'], ['"text"'], ['null']])('rejects JSON that is not an object: %s', (json) => {
    expect(rejection(Buffer.from(json)).message).toContain('not an object');
  });

  it.each(['eventId', 'type', 'tenantId', 'aggregateId', 'occurredAt', 'producer', 'correlationId'])(
    'rejects an envelope without %s',
    (field) => {
      const envelope: Record<string, unknown> = { ...validEnvelope() };
      delete envelope[field];

      expect(rejection(raw(envelope)).message).toContain(`envelope.${field} missing`);
    },
  );

  it('rejects an envelope field that is empty or not a string', () => {
    expect(rejection(raw({ ...validEnvelope(), tenantId: '' })).message).toContain(
      'envelope.tenantId missing',
    );
    expect(rejection(raw({ ...validEnvelope(), aggregateId: 7 })).message).toContain(
      'envelope.aggregateId missing',
    );
  });

  it.each<[string, unknown]>([
    ['aggregateVersion', '3'],
    ['aggregateVersion', 1.5],
    ['schemaVersion', undefined],
  ])('rejects an envelope whose %s is %p', (field, value) => {
    expect(rejection(raw({ ...validEnvelope(), [field]: value })).message).toContain(
      'versions must be integers',
    );
  });

  it('rejects a causation id that is neither a string nor null', () => {
    expect(rejection(raw({ ...validEnvelope(), causationId: 12 })).message).toContain('causationId');
  });

  it('rejects a type the stream does not declare', () => {
    const error = rejection(raw({ ...validEnvelope(), type: 'thing.exploded' }));

    expect(error.message).toBe(
      'Invalid thing.exploded event on test.things.v1: type not declared by the stream',
    );
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'does not take the object property %s for a declared type',
    (type) => {
      expect(rejection(raw({ ...validEnvelope(), type })).message).toContain(
        'type not declared by the stream',
      );
    },
  );

  it('rejects a payload that breaks the rules of its class, naming the property', () => {
    const envelope = validEnvelope();
    const error = rejection(
      raw({ ...envelope, payload: { thingId: 'not-a-uuid', name: 'Lamp', sequence: 0 } }),
    );

    expect(error.message).toContain('Invalid thing.recorded event on test.things.v1');
    expect(error.message).toContain('thingId');
  });

  it('rejects a payload missing a required property', () => {
    const error = rejection(
      raw({ ...validEnvelope(), payload: { thingId: '0b1f6f0e-7e32-4c57-9a55-3f8c9a1d2e10' } }),
    );

    expect(error.message).toContain('name');
    expect(error.message).toContain('sequence');
  });

  it.each<[unknown]>([[undefined], [null], ['Lamp']])('rejects a payload that is %p', (payload) => {
    expect(rejection(raw({ ...validEnvelope(), payload })).message).toContain('payload missing');
  });

  it('rejects an array for a payload', () => {
    expect(rejection(raw({ ...validEnvelope(), payload: [] })).message).toContain('not an array');
  });
});
