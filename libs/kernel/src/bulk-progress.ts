/** `running` until every item has its result, then `finished`. */
export const BULK_STATES = ['running', 'finished'] as const;
export type BulkState = (typeof BULK_STATES)[number];

/**
 * How far a bulk operation run as a job got: one result per item done, in the order of its
 * items, so that the next chunk starts at `results.length`; saved by compare-and-set on
 * `version` after each chunk, so that a chunk run twice saves its results once.
 */
export interface BulkProgress<TResult> {
  results: TResult[];
  state: BulkState;
  finishedAt: Date | null;
  version: number;
}

/** The items of the next chunk: up to `size` after the last one done; none once finished. */
export function nextBulkChunk<TItem>(
  items: readonly TItem[],
  progress: BulkProgress<unknown>,
  size: number,
): TItem[] {
  if (progress.state === 'finished') return [];
  const done = progress.results.length;
  return items.slice(done, done + size);
}

/** The operation with a chunk's results recorded, at its next version; finished once every one of `total` items has one. */
export function recordBulkChunk<TResult, TOperation extends BulkProgress<TResult>>(
  operation: TOperation,
  total: number,
  results: readonly TResult[],
  now: Date,
): TOperation {
  const all = [...operation.results, ...results.map((result) => ({ ...result }))];
  const finished = all.length >= total;
  return {
    ...operation,
    results: all,
    state: finished ? 'finished' : 'running',
    finishedAt: finished ? now : null,
    version: operation.version + 1,
  };
}
