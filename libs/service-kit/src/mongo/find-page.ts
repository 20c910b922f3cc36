import {
  decodeCursor,
  toPage,
  type Page,
  type PageRequest,
  type SortOrder,
  type SortValue,
} from '@lms/kernel';
import { trusted } from 'mongoose';

/** What `findPage` needs of a mongoose query: `model.find(filter, projection)` fits. */
export interface PageableQuery {
  and(conditions: Array<Record<string, unknown>>): PageableQuery;
  sort(order: Record<string, 1 | -1>): PageableQuery;
  limit(limit: number): PageableQuery;
  lean<R>(): { exec(): Promise<R> };
}

/**
 * The documents after the position `values` names in `order`: for `a desc, _id desc` after
 * `(x, y)`, `a <= x and (a < x or (a = x and _id < y))`. The leading bound on the first key
 * lets MongoDB start the index walk at the cursor instead of skipping up to it.
 */
export function afterCursor(order: SortOrder, values: readonly SortValue[]): Record<string, unknown> {
  // Operators marked as the code's own, as the connections' `sanitizeFilter` asks.
  const past = (direction: 1 | -1, value: SortValue) =>
    trusted(direction === 1 ? { $gt: value } : { $lt: value });
  const branches = order.map(([field, direction], at) => ({
    ...Object.fromEntries(order.slice(0, at).map(([earlier], i) => [earlier, values[i]])),
    [field]: past(direction, values[at]),
  }));
  const [first, direction] = order[0];
  return {
    [first]: trusted(direction === 1 ? { $gte: values[0] } : { $lte: values[0] }),
    $or: branches,
  };
}

function orderOf(order: SortOrder): Record<string, 1 | -1> {
  if (order.at(-1)?.[0] !== '_id')
    throw new Error('A paged order ends with `_id`, so that every position is one item.');
  return Object.fromEntries(order);
}

/**
 * Reads one page of a query as plain records, in `order` (whose last key is `_id`), starting
 * after the request's cursor: one record more than `limit` tells whether another page follows
 * (no count, no skip), and the last record kept gives the next cursor. A cursor made for
 * another order is refused (`PAGE.CURSOR_INVALID`, 400). Every field of `order` is one the
 * records always hold.
 */
export async function findPage<TRecord extends object, T>(
  query: PageableQuery,
  order: SortOrder,
  page: PageRequest,
  map: (record: TRecord) => T,
): Promise<Page<T>> {
  const sort = orderOf(order);
  const narrowed =
    page.cursor === undefined ? query : query.and([afterCursor(order, decodeCursor(order, page.cursor))]);
  const records = await narrowed
    .sort(sort)
    .limit(page.limit + 1)
    .lean<TRecord[]>()
    .exec();
  const valuesOf = (record: TRecord): SortValue[] =>
    order.map(([field]) => (record as Record<string, SortValue>)[field]);
  return toPage(records, page, order, valuesOf, map);
}
