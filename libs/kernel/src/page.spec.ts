import { runInNewContext } from 'node:vm';
import {
  compareSortValues,
  decodeCursor,
  emptyPage,
  encodeCursor,
  InvalidCursorError,
  mapPage,
  slicePage,
  type MemorySortKey,
  type Page,
  type SortOrder,
} from './page';

interface Row {
  id: string;
  at: Date;
}

const byNewest: ReadonlyArray<MemorySortKey<Row>> = [
  ['at', (row) => row.at, -1],
  ['_id', (row) => row.id, -1],
];

function row(id: string, minute: number): Row {
  return { id, at: new Date(Date.UTC(2026, 0, 1, 0, minute)) };
}

/** Every item of a list, read a page at a time by following the cursors. */
function readAll<T>(read: (cursor: string | undefined) => Page<T>): T[] {
  const seen: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1_000; pages += 1) {
    const page = read(cursor);
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the cursors never reached the last page');
}

describe('cursors', () => {
  const order: SortOrder = [
    ['at', -1],
    ['_id', -1],
  ];

  it('given the values of a position, then the cursor names them again, dates included', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');

    expect(decodeCursor(order, encodeCursor(order, [at, 'b']))).toEqual([at, 'b']);
  });

  it('given a date made in another realm, then the cursor still names a date', () => {
    const at: Date = runInNewContext('new Date("2026-03-04T05:06:07.089Z")');

    expect(decodeCursor(order, encodeCursor(order, [at, 'b']))).toEqual([new Date(at.getTime()), 'b']);
  });

  it('given a cursor made for another order, then it is refused', () => {
    const cursor = encodeCursor([['_id', 1]], ['b']);

    expect(() => decodeCursor(order, cursor)).toThrow(InvalidCursorError);
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['too few values', Buffer.from(JSON.stringify({ o: 'at:-1,_id:-1', v: ['x'] })).toString('base64url')],
    [
      'an object value',
      Buffer.from(JSON.stringify({ o: 'at:-1,_id:-1', v: [{ $gt: 1 }, 'x'] })).toString('base64url'),
    ],
    [
      'a date that is none',
      Buffer.from(JSON.stringify({ o: 'at:-1,_id:-1', v: [{ d: 'x' }, 'x'] })).toString('base64url'),
    ],
  ])('given %s, then the cursor is refused with PAGE.CURSOR_INVALID', (_, cursor) => {
    expect(() => decodeCursor(order, cursor)).toThrow(
      expect.objectContaining({ code: 'PAGE.CURSOR_INVALID' }),
    );
  });

  it('given an item without a sort value, then no cursor is made of it', () => {
    expect(() => encodeCursor(order, [null as unknown as Date, 'a'])).toThrow(/without that value/);
  });

  it('compares values as MongoDB sorts them: numbers, then strings, then booleans, then dates', () => {
    const sorted = [new Date(0), true, 'b', 2, 'a', 1].sort(compareSortValues);

    expect(sorted).toEqual([1, 2, 'a', 'b', true, new Date(0)]);
  });
});

describe('slicePage', () => {
  const rows = [row('a', 1), row('b', 3), row('c', 3), row('d', 2), row('e', 5)];

  it('given no cursor, then the first items in the order and the cursor of the next page', () => {
    const page = slicePage(rows, { limit: 2 }, byNewest);

    expect(page.items.map((r) => r.id)).toEqual(['e', 'c']);
    expect(page.limit).toBe(2);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('given the cursor of a page, then the next page starts right after its last item, ties broken by id', () => {
    const first = slicePage(rows, { limit: 2 }, byNewest);
    const second = slicePage(rows, { limit: 2, cursor: first.nextCursor ?? undefined }, byNewest);
    const third = slicePage(rows, { limit: 2, cursor: second.nextCursor ?? undefined }, byNewest);

    expect(second.items.map((r) => r.id)).toEqual(['b', 'd']);
    expect(third).toEqual({ items: [rows[0]], limit: 2, nextCursor: null });
  });

  it('given items added and removed between two pages, then the next page neither repeats nor skips one that stayed', () => {
    const first = slicePage(rows, { limit: 2 }, byNewest);
    const changed = [...rows.filter((r) => r.id !== 'c'), row('f', 9), row('g', 2)];

    const rest = readAll((cursor) =>
      slicePage(changed, { limit: 2, cursor: cursor ?? first.nextCursor ?? undefined }, byNewest),
    );

    expect(rest.map((r) => r.id)).toEqual(['b', 'g', 'd', 'a']);
  });

  it('given no more items than the limit, then the last page', () => {
    expect(slicePage(rows, { limit: 5 }, byNewest).nextCursor).toBeNull();
    expect(slicePage([], { limit: 5 }, byNewest)).toEqual({ items: [], limit: 5, nextCursor: null });
  });

  it('given lists of every size up to 40 with many ties, and every page size up to 7, then following the cursors reads each item once, in order', () => {
    for (let size = 0; size <= 40; size += 1) {
      // Minutes 0..4 repeat, so that most items tie on the date and the id decides.
      const all = Array.from({ length: size }, (_, i) => row(`r${(i * 7919) % 101}-${i}`, (i * 31) % 5));
      const expected = [...all].sort((x, y) => y.at.getTime() - x.at.getTime() || (x.id < y.id ? 1 : -1));
      for (let limit = 1; limit <= 7; limit += 1) {
        expect(readAll((cursor) => slicePage(all, { limit, cursor }, byNewest))).toEqual(expected);
      }
    }
  });
});

describe('mapPage and emptyPage', () => {
  it('maps the items and keeps the paging fields', () => {
    const page = mapPage({ items: [1, 2], limit: 2, nextCursor: 'x' }, (n) => `#${n}`);

    expect(page).toEqual({ items: ['#1', '#2'], limit: 2, nextCursor: 'x' });
  });

  it('gives the last page with nothing in it', () => {
    expect(emptyPage({ limit: 10, cursor: 'x' })).toEqual({ items: [], limit: 10, nextCursor: null });
  });
});
