import { newId } from './id';

describe('newId', () => {
  it('is a version 7 UUID whose first 48 bits are the given time', () => {
    const now = new Date('2026-03-02T09:00:00.123Z');
    const id = newId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now.getTime());
  });

  it('sorts by creation time, and two ids of the same millisecond differ', () => {
    const earlier = newId(new Date('2026-03-02T09:00:00.000Z'));
    const later = newId(new Date('2026-03-02T09:00:00.001Z'));
    expect(earlier < later).toBe(true);
    const same = new Date('2026-03-02T09:00:00.000Z');
    expect(newId(same)).not.toBe(newId(same));
  });
});
