import { MAX_MESSAGE_LENGTH, messageTextOf } from './message';

describe('messageTextOf', () => {
  it('given text with spaces and blank lines around it, then it is kept trimmed, the lines inside it too', () => {
    expect(messageTextOf('  \n Hello,\n\nsee you Thursday. \t')).toBe('Hello,\n\nsee you Thursday.');
  });

  it('given nothing but spaces, then there is no message', () => {
    expect(messageTextOf('')).toBeNull();
    expect(messageTextOf(' \n\t ')).toBeNull();
  });

  it('given up to the longest length once trimmed, then it is kept; one character more, then it is not', () => {
    const longest = 'x'.repeat(MAX_MESSAGE_LENGTH);
    expect(messageTextOf(`  ${longest}  `)).toBe(longest);
    expect(messageTextOf(`${longest}y`)).toBeNull();
  });
});
