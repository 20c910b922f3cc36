import type { FailureCounter } from '../auth/domain/login-throttle';
import type { FailureCounterRepository } from '../auth/ports/failure-counter.repository';
import type { WriteOutcome } from '@lms/kernel';

export class InMemoryFailureCounterRepository implements FailureCounterRepository {
  private readonly rows = new Map<string, FailureCounter>();

  async find(keys: readonly string[]): Promise<FailureCounter[]> {
    return keys.flatMap((key) => {
      const row = this.rows.get(key);
      return row ? [structuredClone(row)] : [];
    });
  }

  async insert(counter: FailureCounter): Promise<WriteOutcome> {
    if (this.rows.has(counter.key)) return 'stale';
    this.rows.set(counter.key, structuredClone(counter));
    return 'written';
  }

  async replace(counter: FailureCounter, expectedVersion: number): Promise<WriteOutcome> {
    if (this.rows.get(counter.key)?.version !== expectedVersion) return 'stale';
    this.rows.set(counter.key, structuredClone(counter));
    return 'written';
  }

  async increment(key: string): Promise<WriteOutcome> {
    const row = this.rows.get(key);
    if (!row) return 'stale';
    this.rows.set(key, { ...row, failures: row.failures + 1, version: row.version + 1 });
    return 'written';
  }

  async remove(key: string): Promise<void> {
    this.rows.delete(key);
  }
}
