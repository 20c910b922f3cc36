import { toPage, type Page, type PageRequest } from '@lms/kernel';

/** What `findPage` needs of a mongoose query: `model.find(filter, projection).sort(order)` fits. */
export interface PageableQuery {
  skip(offset: number): PageableQuery;
  limit(limit: number): PageableQuery;
  lean<R>(): { exec(): Promise<R> };
}

/**
 * Reads one page of a sorted query as plain records: skips `offset`, reads one record more
 * than `limit` to know whether another page follows (no count query), and maps the records.
 */
export async function findPage<TRecord, T>(
  query: PageableQuery,
  page: PageRequest,
  map: (record: TRecord) => T,
): Promise<Page<T>> {
  const records = await query
    .skip(page.offset)
    .limit(page.limit + 1)
    .lean<TRecord[]>()
    .exec();
  return toPage(records.map(map), page.limit, page.offset);
}
