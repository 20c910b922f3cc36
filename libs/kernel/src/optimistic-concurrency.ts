import { ConflictError } from './domain-error';

/** What a conditional write answers: it happened, or the version read was no longer current. */
export type WriteOutcome = 'written' | 'stale';

/** One attempt of a read-decide-write cycle; `stale` means another writer won the race. */
export type Attempt<T> = () => Promise<{ outcome: 'written'; value: T } | { outcome: 'stale' }>;

export class ConcurrentModificationError extends ConflictError {
  constructor() {
    super(
      'REQUEST.CONCURRENT_MODIFICATION',
      'The resource was changed by another request at the same time; retry.',
    );
  }
}

/**
 * Runs a read-decide-write attempt and, when a concurrent writer won, runs it once more on
 * fresh state. Losing twice answers 409 `REQUEST.CONCURRENT_MODIFICATION`.
 */
export async function withOptimisticRetry<T>(attempt: Attempt<T>, attempts = 2): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const result = await attempt();
    if (result.outcome === 'written') return result.value;
  }
  throw new ConcurrentModificationError();
}
