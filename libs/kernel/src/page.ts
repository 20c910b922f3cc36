import { DomainError } from './domain-error';

/**
 * One page of a list, the same shape on every list route: the items, the page size asked
 * for, and the cursor that reads the page after this one (`null` on the last page).
 */
export interface Page<T> {
  items: T[];
  limit: number;
  nextCursor: string | null;
}

/**
 * Which page of a list to read: `limit` items after the one the `cursor` names (from the
 * first item when absent). A cursor names a position in the sort order, not a row number, so
 * a page never skips or repeats an item when others are added or removed meanwhile, and a
 * deep page costs what the first one costs.
 */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
/** Longer than any cursor the platform hands out; a longer one is refused before it is read. */
export const MAX_CURSOR_LENGTH = 512;

/** A value a list is sorted by: never null, so that the position after it is one range. */
export type SortValue = string | number | boolean | Date;
export type SortDirection = 1 | -1;
/** The keys of a list's order, most significant first, the last one unique (the id). */
export type SortOrder = ReadonlyArray<readonly [field: string, direction: SortDirection]>;

/** The cursor is not one this list handed out (altered, or from a list in another order). */
export class InvalidCursorError extends DomainError {
  constructor() {
    super(
      'PAGE.CURSOR_INVALID',
      'malformed',
      'The cursor is not one this list handed out in this order: start again without a cursor.',
    );
  }
}

interface CursorBody {
  /** The order it was made for, e.g. `createdAt:-1,_id:-1`. */
  o: string;
  /** The sort values of the last item of the page, a date as `{ d: iso }`. */
  v: Array<string | number | boolean | { d: string }>;
}

function orderText(order: SortOrder): string {
  return order.map(([field, direction]) => `${field}:${direction}`).join(',');
}

/** A date, also one made in another realm (a copy by `structuredClone` inside a sandbox). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The opaque cursor of the position just after an item whose sort values are `values`. */
export function encodeCursor(order: SortOrder, values: readonly SortValue[]): string {
  const body: CursorBody = {
    o: orderText(order),
    v: values.map((value, at) => {
      if (value === null || value === undefined)
        throw new Error(`A list sorted by ${order[at]?.[0]} holds an item without that value.`);
      return isDate(value) ? { d: value.toISOString() } : value;
    }),
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function isSortValue(value: unknown): value is SortValue {
  return ['string', 'number', 'boolean'].includes(typeof value) || isDate(value);
}

/** The sort values a cursor names; `InvalidCursorError` unless it was made for `order`. */
export function decodeCursor(order: SortOrder, cursor: string): SortValue[] {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw new InvalidCursorError();
  }
  if (body?.o !== orderText(order) || !Array.isArray(body.v) || body.v.length !== order.length)
    throw new InvalidCursorError();
  const values = body.v.map((value: unknown) =>
    typeof value === 'object' && value !== null && typeof (value as { d?: unknown }).d === 'string'
      ? new Date((value as { d: string }).d)
      : value,
  );
  if (!values.every((value) => isSortValue(value) && !(isDate(value) && Number.isNaN(value.getTime()))))
    throw new InvalidCursorError();
  return values as SortValue[];
}

/** Where a value's type sorts, as MongoDB sorts mixed types. */
function typeRank(value: SortValue): number {
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  return 4;
}

/** Compares two sort values as MongoDB does: by type, then by value. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0) return byType;
  const [x, y] = isDate(a) && isDate(b) ? [a.getTime(), b.getTime()] : [a, b];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Builds a page from the rows read after the cursor with a limit of `limit + 1`: the extra
 * row only tells whether another page follows (no count over the whole collection); the next
 * cursor is the position of the last row kept, from its sort values.
 */
export function toPage<R, T>(
  rowsFetchedWithOneExtra: readonly R[],
  page: PageRequest,
  order: SortOrder,
  sortValuesOf: (row: R) => readonly SortValue[],
  map: (row: R) => T,
): Page<T> {
  const rows = rowsFetchedWithOneExtra.slice(0, page.limit);
  const last = rows.at(-1);
  const hasMore = rowsFetchedWithOneExtra.length > page.limit && last !== undefined;
  return {
    items: rows.map((row) => map(row)),
    limit: page.limit,
    nextCursor: hasMore ? encodeCursor(order, sortValuesOf(last)) : null,
  };
}

/** The sort key of an in-memory list: its name in the order, how to read it, its direction. */
export type MemorySortKey<T> = readonly [
  field: string,
  value: (item: T) => SortValue,
  direction: SortDirection,
];

/**
 * The page of a whole list held in memory (the in-memory repositories of unit tests): sorts
 * it by `keys` and cuts the page after the cursor, as `findPage` does in the database.
 */
export function slicePage<T>(
  all: readonly T[],
  page: PageRequest,
  keys: ReadonlyArray<MemorySortKey<T>>,
): Page<T> {
  const order: SortOrder = keys.map(([field, , direction]) => [field, direction]);
  const valuesOf = (item: T): SortValue[] => keys.map(([, value]) => value(item));
  const compare = (a: readonly SortValue[], b: readonly SortValue[]): number => {
    for (const [at, [, , direction]] of keys.entries()) {
      const byKey = compareSortValues(a[at], b[at]) * direction;
      if (byKey !== 0) return byKey;
    }
    return 0;
  };
  const after = page.cursor === undefined ? undefined : decodeCursor(order, page.cursor);
  const sorted = [...all].sort((a, b) => compare(valuesOf(a), valuesOf(b)));
  const rest = after === undefined ? sorted : sorted.filter((item) => compare(valuesOf(item), after) > 0);
  return toPage(rest.slice(0, page.limit + 1), page, order, valuesOf, (item) => item);
}

/** The same page with each item mapped, e.g. from a domain object to its response DTO. */
export function mapPage<S, T>(page: Page<S>, map: (item: S) => T): Page<T> {
  return { ...page, items: page.items.map((item) => map(item)) };
}

/** The empty last page, for a caller who may see nothing of a list. */
export function emptyPage<T>(page: PageRequest): Page<T> {
  return { items: [], limit: page.limit, nextCursor: null };
}
