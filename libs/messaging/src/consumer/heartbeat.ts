/**
 * Runs `work` while telling the group coordinator this instance is alive: kafkajs only
 * heartbeats between messages, and a handler longer than the session timeout would
 * otherwise lose its partition in the middle of its work.
 */
export async function whileHeartbeating<T>(
  heartbeat: () => Promise<void>,
  intervalMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => {
    // A failed heartbeat (a rebalance) is dealt with by kafkajs at the next fetch.
    heartbeat().catch(() => undefined);
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
