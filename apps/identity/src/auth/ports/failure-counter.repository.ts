import type { FailureCounter } from '../domain/login-throttle';
import type { WriteOutcome } from '@lms/kernel';

/**
 * Counters of failed logins, one per key, shared by every identity instance. A key is an
 * account (its tenant is part of the key) or a client address, which spans tenants, so the
 * methods take keys rather than a tenant id.
 */
export interface FailureCounterRepository {
  /** The counters of these keys that exist. */
  find(keys: readonly string[]): Promise<FailureCounter[]>;
  /** Stores a new counter; `stale` when the key already has one. */
  insert(counter: FailureCounter): Promise<WriteOutcome>;
  /** Replaces the counter if its stored version is still `expectedVersion`; `stale` otherwise. */
  replace(counter: FailureCounter, expectedVersion: number): Promise<WriteOutcome>;
  /** One more failure in the stored window, atomically; `stale` when the key has no counter. */
  increment(key: string): Promise<WriteOutcome>;
  /** Forgets the key's failures; nothing when it has none. */
  remove(key: string): Promise<void>;
}

export const FAILURE_COUNTER_REPOSITORY = Symbol('FAILURE_COUNTER_REPOSITORY');
