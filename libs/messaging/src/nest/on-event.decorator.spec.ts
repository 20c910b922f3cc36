import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { thingsStream } from '../../test/support/things.stream';
import {
  eventBatchExtras,
  eventPattern,
  OnEvent,
  OnEventBatch,
  parseEventPattern,
} from './on-event.decorator';

const stream = thingsStream('test.things.v1');

describe('eventPattern / parseEventPattern', () => {
  it('names one event type of one stream', () => {
    expect(eventPattern(stream, 'thing.recorded')).toBe('test.things.v1#thing.recorded');
  });

  it('gives back the topic and type of a pattern', () => {
    expect(parseEventPattern(eventPattern(stream, 'thing.renamed'))).toEqual({
      topic: 'test.things.v1',
      type: 'thing.renamed',
    });
  });

  it('splits at the first separator: a topic never contains one, a type might', () => {
    expect(parseEventPattern('test.things.v1#odd#type')).toEqual({
      topic: 'test.things.v1',
      type: 'odd#type',
    });
  });

  it.each(['test.things.v1', '#thing.recorded', 'test.things.v1#', ''])(
    'is null for %p, not an event pattern',
    (pattern) => {
      expect(parseEventPattern(pattern)).toBeNull();
    },
  );
});

describe('OnEvent', () => {
  it('registers the method as the Nest event handler of that pattern, with the stream', () => {
    class ThingsConsumer {
      @OnEvent(stream, 'thing.recorded')
      async onRecorded(): Promise<void> {}
    }

    const method = Object.getOwnPropertyDescriptor(ThingsConsumer.prototype, 'onRecorded')?.value as object;

    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual(['test.things.v1#thing.recorded']);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method)).toEqual({ stream });
  });
});

describe('OnEventBatch', () => {
  it('registers the method under one pattern for its types, with the stream, the types and the batch size', () => {
    class ThingsConsumer {
      @OnEventBatch(stream, ['thing.renamed', 'thing.recorded'], { maxBatchSize: 100 })
      async onThings(): Promise<void> {}
    }

    const method = Object.getOwnPropertyDescriptor(ThingsConsumer.prototype, 'onThings')?.value as object;

    expect(Reflect.getMetadata(PATTERN_METADATA, method)).toEqual([
      'test.things.v1#batch(thing.recorded,thing.renamed)',
    ]);
    const extras: unknown = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method);
    expect(eventBatchExtras(extras)).toEqual({
      stream,
      batchTypes: ['thing.renamed', 'thing.recorded'],
      maxBatchSize: 100,
    });
  });

  it('tells a per-event handler from a batch handler by its extras', () => {
    expect(eventBatchExtras({ stream })).toBeNull();
    expect(eventBatchExtras(undefined)).toBeNull();
  });
});
