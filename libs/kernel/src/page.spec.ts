import { mapPage, slicePage, toPage } from './page';

describe('toPage', () => {
  it('given one row more than the limit, then it keeps the limit and says where the next page starts', () => {
    const page = toPage(['a', 'b', 'c'], 2, 4);

    expect(page).toEqual({ items: ['a', 'b'], limit: 2, offset: 4, nextOffset: 6 });
  });

  it('given no more rows than the limit, then it is the last page', () => {
    expect(toPage(['a', 'b'], 2, 0)).toEqual({ items: ['a', 'b'], limit: 2, offset: 0, nextOffset: null });
    expect(toPage(['a'], 2, 0)).toEqual({ items: ['a'], limit: 2, offset: 0, nextOffset: null });
  });

  it('given no row at all, then it is an empty last page', () => {
    expect(toPage([], 50, 100)).toEqual({ items: [], limit: 50, offset: 100, nextOffset: null });
  });

  it('leaves the rows it was given untouched', () => {
    const rows = ['a', 'b', 'c'];

    toPage(rows, 2, 0).items.push('x');

    expect(rows).toEqual(['a', 'b', 'c']);
  });
});

describe('mapPage', () => {
  it('maps the items and keeps the paging fields', () => {
    const page = mapPage(toPage([1, 2, 3], 2, 0), (n) => `#${n}`);

    expect(page).toEqual({ items: ['#1', '#2'], limit: 2, offset: 0, nextOffset: 2 });
  });
});

describe('slicePage', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];

  it('cuts one page out of a whole list', () => {
    expect(slicePage(all, { limit: 2, offset: 2 })).toEqual({
      items: ['c', 'd'],
      limit: 2,
      offset: 2,
      nextOffset: 4,
    });
    expect(slicePage(all, { limit: 2, offset: 4 })).toEqual({
      items: ['e'],
      limit: 2,
      offset: 4,
      nextOffset: null,
    });
  });
});
