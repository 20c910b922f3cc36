/** A bounded page of a list: `nextOffset` is where the next page starts, null on the last page. */
export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/**
 * Builds a page from up to `limit + 1` rows read at `offset`: the extra row only tells
 * whether another page follows, so no count over the whole collection is needed.
 */
export function pageOf<T>(rows: T[], request: PageRequest): Page<T> {
  const hasMore = rows.length > request.limit;
  return {
    items: hasMore ? rows.slice(0, request.limit) : rows,
    nextOffset: hasMore ? request.offset + request.limit : null,
  };
}
