/**
 * One page of a list, the same shape on every list route: the items, the page that was
 * asked for, and where the next page starts (`null` on the last page).
 */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  nextOffset: number | null;
}

/** Which page of a list to read. */
export interface PageRequest {
  limit: number;
  offset: number;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
/** How far into a list a page may start: deeper pages would make the database skip too much. */
export const MAX_PAGE_OFFSET = 1_000_000;

/**
 * Builds a page from the rows read at `offset` with a limit of `limit + 1`: the extra row
 * only tells whether another page follows, so no count over the whole collection is needed.
 */
export function toPage<T>(rowsFetchedWithOneExtra: readonly T[], limit: number, offset: number): Page<T> {
  const hasMore = rowsFetchedWithOneExtra.length > limit;
  const items = rowsFetchedWithOneExtra.slice(0, limit);
  return { items, limit, offset, nextOffset: hasMore ? offset + items.length : null };
}

/** The page of a whole list held in memory, e.g. by the in-memory repositories of unit tests. */
export function slicePage<T>(all: readonly T[], page: PageRequest): Page<T> {
  return toPage(all.slice(page.offset, page.offset + page.limit + 1), page.limit, page.offset);
}

/** The same page with each item mapped, e.g. from a domain object to its response DTO. */
export function mapPage<S, T>(page: Page<S>, map: (item: S) => T): Page<T> {
  return { ...page, items: page.items.map((item) => map(item)) };
}
