import { calendarDateIn } from './tenant-calendar';

describe("a tenant's day (CO-A1, CO-A8)", () => {
  it.each([
    ['2025-03-10T23:30:00.000Z', 'Asia/Tokyo', '2025-03-11'],
    ['2025-03-10T23:30:00.000Z', 'America/New_York', '2025-03-10'],
    ['2025-03-10T23:30:00.000Z', 'UTC', '2025-03-10'],
    ['2025-03-11T02:00:00.000Z', 'America/New_York', '2025-03-10'],
    ['2025-03-11T02:00:00.000Z', 'UTC', '2025-03-11'],
    ['2025-03-10T14:59:59.999Z', 'Asia/Tokyo', '2025-03-10'],
    ['2025-03-10T15:00:00.000Z', 'Asia/Tokyo', '2025-03-11'],
    ['2024-12-31T23:00:00.000Z', 'Europe/Rome', '2025-01-01'],
    ['2024-02-29T12:00:00.000Z', 'Pacific/Kiritimati', '2024-03-01'],
    ['2025-01-01T10:59:00.000Z', 'Pacific/Pago_Pago', '2024-12-31'],
  ])('at %s, in %s, it is %s', (instant, timezone, day) => {
    expect(calendarDateIn(timezone, new Date(instant))).toBe(day);
  });

  it('follows daylight saving time: New York is UTC-5 in winter and UTC-4 in summer', () => {
    expect(calendarDateIn('America/New_York', new Date('2025-01-15T04:30:00.000Z'))).toBe('2025-01-14');
    expect(calendarDateIn('America/New_York', new Date('2025-07-15T04:30:00.000Z'))).toBe('2025-07-15');
  });

  it('given a zone this runtime does not know, then the UTC day', () => {
    expect(calendarDateIn('Mars/Olympus_Mons', new Date('2025-03-10T23:30:00.000Z'))).toBe('2025-03-10');
  });
});
