import { FixedClock } from '@lms/testing';
import { SystemClock, type Clock } from './clock';

describe('clocks', () => {
  it('the system clock tells the current time', () => {
    const before = Date.now();

    const now = new SystemClock().now().getTime();

    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("the testing library's fixed clock is a Clock that moves only when told", () => {
    const fixed = new FixedClock('2026-03-02T09:00:00.000Z');
    const clock: Clock = fixed;

    fixed.advance(1_000);
    const advanced = clock.now().toISOString();
    fixed.set('2026-04-01T00:00:00.000Z');

    expect(advanced).toBe('2026-03-02T09:00:01.000Z');
    expect(clock.now().toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
});
