import { foldNewestState } from './newest-state';

describe('foldNewestState', () => {
  const change = (version: number, name: string) => ({ version, name });

  it('given changes in any order, then the newest is the write and each is newer than all before it in version order', () => {
    const changes = [change(3, 'c'), change(1, 'a'), change(2, 'b')];

    expect(foldNewestState(null, changes)).toEqual({ newer: [true, true, true], write: change(3, 'c') });
  });

  it('given a stored version, then older and equal ones are stale and nothing is written when none is newer', () => {
    expect(foldNewestState(2, [change(1, 'a'), change(2, 'b'), change(3, 'c')])).toEqual({
      newer: [false, false, true],
      write: change(3, 'c'),
    });
    expect(foldNewestState(5, [change(5, 'again')])).toEqual({ newer: [false], write: null });
  });

  it('given two copies of one version in a batch, then only the first counts', () => {
    expect(foldNewestState(null, [change(1, 'first'), change(1, 'copy')])).toEqual({
      newer: [true, false],
      write: change(1, 'first'),
    });
  });
});
