/**
 * Folds the changes of ONE aggregate (a batch may hold several versions of it, in any order)
 * into the one write that brings a projection from `storedVersion` (null: not projected yet)
 * to the newest of them, as if they had been applied one by one in version order. Each change
 * carries the aggregate's full state (event-carried state transfer), so that write is the
 * newest change. `newer[i]` tells whether `changes[i]` was newer than the stored version and
 * every change of the batch before it in version order (applied) or not (stale: a redelivery,
 * an older copy, an update older than a deletion); `write` is null when none is newer.
 */
export function foldNewestState<T extends { version: number }>(
  storedVersion: number | null,
  changes: readonly T[],
): { newer: boolean[]; write: T | null } {
  const newer = changes.map(() => false);
  let write: T | null = null;
  const inVersionOrder = changes.map((change, index) => ({ change, index }));
  inVersionOrder.sort((a, b) => a.change.version - b.change.version || a.index - b.index);
  for (const { change, index } of inVersionOrder) {
    if (change.version <= (write?.version ?? storedVersion ?? Number.NEGATIVE_INFINITY)) continue;
    newer[index] = true;
    write = change;
  }
  return { newer, write };
}
