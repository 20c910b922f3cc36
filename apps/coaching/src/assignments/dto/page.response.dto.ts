import type { Page } from '../../shared/paging';

/** One page of a list: the items, the total that matched, and the page asked for. */
export class PageResponseDto<T> {
  items!: T[];
  total!: number;
  limit!: number;
  offset!: number;

  static of<S, T>(page: Page<S>, map: (item: S) => T): PageResponseDto<T> {
    return { items: page.items.map(map), total: page.total, limit: page.limit, offset: page.offset };
  }
}
