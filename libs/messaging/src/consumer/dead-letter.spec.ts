import type { KafkaMessage } from 'kafkajs';
import { deadLetterMessage, DLT_HEADERS, headerText } from './dead-letter';

function consumed(overrides: Partial<KafkaMessage> = {}): KafkaMessage {
  return {
    key: Buffer.from('tenant-1:thing-1'),
    value: Buffer.from('{"type":"thing.recorded"}'),
    headers: { 'event-type': Buffer.from('thing.recorded'), 'correlation-id': Buffer.from('corr-1') },
    offset: '41',
    timestamp: '1767261600000',
    attributes: 0,
    size: 0,
    ...overrides,
  } as unknown as KafkaMessage;
}

const reason = { topic: 'test.things.v1', partition: 2, consumerGroup: 'things-projector', attempts: 3 };
const failedAt = new Date('2026-01-01T10:00:00.000Z');

describe('deadLetterMessage', () => {
  it('keeps the key, value and headers of the message and says where it came from', () => {
    const message = consumed();

    const letter = deadLetterMessage(
      message,
      { ...reason, error: new Error('projection store down') },
      failedAt,
    );

    expect(letter.key).toBe(message.key);
    expect(letter.value).toBe(message.value);
    expect(letter.headers).toEqual({
      'event-type': message.headers?.['event-type'],
      'correlation-id': message.headers?.['correlation-id'],
      [DLT_HEADERS.errorMessage]: 'projection store down',
      [DLT_HEADERS.errorCode]: 'Error',
      [DLT_HEADERS.originalTopic]: 'test.things.v1',
      [DLT_HEADERS.originalPartition]: '2',
      [DLT_HEADERS.originalOffset]: '41',
      [DLT_HEADERS.consumerGroup]: 'things-projector',
      [DLT_HEADERS.attempts]: '3',
      [DLT_HEADERS.failedAt]: '2026-01-01T10:00:00.000Z',
    });
  });

  it('takes the error code from a coded error', () => {
    const error = Object.assign(new Error('bad event'), { code: 'EVENT.INVALID_PAYLOAD' });

    const letter = deadLetterMessage(consumed(), { ...reason, error, attempts: 0 }, failedAt);

    expect(letter.headers?.[DLT_HEADERS.errorCode]).toBe('EVENT.INVALID_PAYLOAD');
    expect(letter.headers?.[DLT_HEADERS.attempts]).toBe('0');
  });

  it('takes the class name when the code is not a string', () => {
    class ProjectionError extends Error {
      override name = 'ProjectionError';
      readonly code = 11000;
    }

    const letter = deadLetterMessage(consumed(), { ...reason, error: new ProjectionError('dup') }, failedAt);

    expect(letter.headers?.[DLT_HEADERS.errorCode]).toBe('ProjectionError');
  });

  it('describes a thrown value that is not an Error', () => {
    const letter = deadLetterMessage(consumed(), { ...reason, error: 'plain text' }, failedAt);

    expect(letter.headers?.[DLT_HEADERS.errorMessage]).toBe('plain text');
  });

  it('cuts a long error message to 4000 characters', () => {
    const letter = deadLetterMessage(
      consumed(),
      { ...reason, error: new Error('x'.repeat(10_000)) },
      failedAt,
    );

    expect(letter.headers?.[DLT_HEADERS.errorMessage]).toHaveLength(4_000);
  });

  it('replaces the dead-letter headers of a message that was dead-lettered before', () => {
    const first = deadLetterMessage(consumed(), { ...reason, error: new Error('first') }, failedAt);
    const again = consumed({ headers: first.headers as KafkaMessage['headers'], offset: '90' });

    const letter = deadLetterMessage(again, { ...reason, error: new Error('second'), attempts: 1 }, failedAt);

    expect(letter.headers?.[DLT_HEADERS.errorMessage]).toBe('second');
    expect(letter.headers?.[DLT_HEADERS.originalOffset]).toBe('90');
  });

  it('works on a message without headers or key', () => {
    const letter = deadLetterMessage(consumed({ headers: undefined, key: null }), {
      ...reason,
      error: new Error('e'),
    });

    expect(letter.key).toBeNull();
    expect(letter.headers?.[DLT_HEADERS.failedAt]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('headerText', () => {
  it('reads buffers, strings and the first of repeated values', () => {
    const headers = { a: Buffer.from('one'), b: 'two', c: [Buffer.from('three'), 'four'] };

    expect([headerText(headers, 'a'), headerText(headers, 'b'), headerText(headers, 'c')]).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(headerText(headers, 'missing')).toBeUndefined();
    expect(headerText(undefined, 'a')).toBeUndefined();
  });
});
