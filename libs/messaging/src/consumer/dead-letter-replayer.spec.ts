import { DLT_HEADERS, REPLAY_HEADERS } from './dead-letter';
import { deadLetterReplayGroup, replayMessage } from './dead-letter-replayer';

const source = {
  topic: 'test.things.v1.dlt.things-projector',
  partition: 0,
  consumerGroup: 'things-projector',
};

function deadLetter(headers: Record<string, Buffer | undefined>) {
  return {
    key: Buffer.from('tenant-1:thing-1'),
    value: Buffer.from('{"type":"thing.recorded"}'),
    offset: '7',
    headers,
  };
}

describe('replayMessage', () => {
  it('puts the message back on its original topic without the dead-letter headers', () => {
    const letter = deadLetter({
      'event-type': Buffer.from('thing.recorded'),
      'correlation-id': Buffer.from('corr-1'),
      [DLT_HEADERS.originalTopic]: Buffer.from('test.things.v1'),
      [DLT_HEADERS.errorMessage]: Buffer.from('projection store down'),
      [DLT_HEADERS.attempts]: Buffer.from('3'),
      [DLT_HEADERS.consumerGroup]: Buffer.from('things-projector'),
    });

    const replay = replayMessage(letter, source);

    expect(replay).toEqual({
      topic: 'test.things.v1',
      message: {
        key: letter.key,
        value: letter.value,
        headers: {
          'event-type': Buffer.from('thing.recorded'),
          'correlation-id': Buffer.from('corr-1'),
          [REPLAY_HEADERS.replayedFrom]: 'test.things.v1.dlt.things-projector:0:7',
          [REPLAY_HEADERS.consumerGroup]: 'things-projector',
        },
      },
    });
  });

  it('addresses the replay to the group of the dead-letter topic, whatever an older replay said', () => {
    const letter = deadLetter({
      [DLT_HEADERS.originalTopic]: Buffer.from('test.things.v1'),
      [REPLAY_HEADERS.consumerGroup]: Buffer.from('someone-else'),
      [REPLAY_HEADERS.replayedFrom]: Buffer.from('old:0:1'),
    });

    const headers = replayMessage(letter, source)?.message.headers;

    expect(headers?.[REPLAY_HEADERS.consumerGroup]).toBe('things-projector');
    expect(headers?.[REPLAY_HEADERS.replayedFrom]).toBe('test.things.v1.dlt.things-projector:0:7');
  });

  it('cannot replay a dead letter that does not say where it came from', () => {
    expect(replayMessage(deadLetter({ 'event-type': Buffer.from('thing.recorded') }), source)).toBeNull();
  });
});

describe('deadLetterReplayGroup', () => {
  it('is a group of its own per dead-letter topic', () => {
    expect(deadLetterReplayGroup('test.things.v1', 'things-projector')).toBe(
      'test.things.v1.dlt.things-projector.replay',
    );
  });
});
