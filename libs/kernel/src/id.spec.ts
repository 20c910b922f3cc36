import { idCreatedAt, nameBasedId, newId } from './id';

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

describe('idCreatedAt', () => {
  it('reads back the time an id was made, and nothing from an id of another kind', () => {
    const now = new Date('2026-03-02T09:00:00.123Z');
    expect(idCreatedAt(newId(now))).toEqual(now);
    expect(idCreatedAt(nameBasedId('5f0c8f1e-9a7b-4c2d-8e3f-4a5b6c7d8e9f', 'x'))).toBeNull();
    expect(idCreatedAt('not-an-id')).toBeNull();
  });
});
