import { backoffMs } from './retry-policy';

describe('backoffMs', () => {
  const policy = { attempts: 5, initialBackoffMs: 100, maxBackoffMs: 1_000 };

  it('doubles the step after each failed attempt', () => {
    expect(backoffMs(policy, 1, () => 1)).toBe(100);
    expect(backoffMs(policy, 2, () => 1)).toBe(200);
    expect(backoffMs(policy, 3, () => 1)).toBe(400);
  });

  it('never waits longer than the maximum', () => {
    expect(backoffMs(policy, 10, () => 1)).toBe(1_000);
  });

  it('waits at least half the step', () => {
    expect(backoffMs(policy, 2, () => 0)).toBe(100);
  });
});
