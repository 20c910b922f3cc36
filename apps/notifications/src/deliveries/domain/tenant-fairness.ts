/**
 * Work of many tenants, taken turn by turn: the first item of each tenant, then the second of
 * each, and so on, up to `limit`. Each queue keeps its own order (oldest first). A burst of
 * one tenant (a group assignment of 10,000 members) then delays another tenant's mail by one
 * turn, not by the whole burst (NO-5).
 */
export function takeTurns<T>(queues: ReadonlyArray<readonly T[]>, limit: number): T[] {
  const taken: T[] = [];
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  for (let turn = 0; turn < longest && taken.length < limit; turn += 1) {
    for (const queue of queues) {
      if (turn < queue.length && taken.length < limit) taken.push(queue[turn]);
    }
  }
  return taken;
}
