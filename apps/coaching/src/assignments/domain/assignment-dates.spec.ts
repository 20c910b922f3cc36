import { decideAssignmentDates } from './assignment-dates';
import { isCalendarDate } from './calendar-date';

const NOW = new Date('2025-03-10T23:30:00.000Z');

describe('assignment dates', () => {
  it('given no start date, when deciding, then the start is today (UTC) and there is no end', () => {
    expect(decideAssignmentDates({}, NOW)).toEqual({
      ok: true,
      dates: { startDate: '2025-03-10', endDate: null },
    });
  });

  it('given a backdated start, when deciding, then it is kept', () => {
    expect(decideAssignmentDates({ startDate: '2024-01-15' }, NOW)).toEqual({
      ok: true,
      dates: { startDate: '2024-01-15', endDate: null },
    });
  });

  it('given an end on the start day, when deciding, then it is accepted', () => {
    expect(decideAssignmentDates({ startDate: '2025-04-01', endDate: '2025-04-01' }, NOW)).toEqual({
      ok: true,
      dates: { startDate: '2025-04-01', endDate: '2025-04-01' },
    });
  });

  it('given an end before the start, when deciding, then it is refused', () => {
    expect(decideAssignmentDates({ startDate: '2025-04-02', endDate: '2025-04-01' }, NOW)).toEqual({
      ok: false,
      reason: 'endDate is before startDate',
    });
  });

  it('given no start and an end before today, when deciding, then it is refused', () => {
    expect(decideAssignmentDates({ endDate: '2025-03-09' }, NOW).ok).toBe(false);
  });

  it.each(['2025-02-30', '2025-13-01', '25-03-01', '2025-03-01T00:00:00Z', ''])(
    'given the impossible day %p, when deciding, then it is refused',
    (day) => {
      expect(decideAssignmentDates({ startDate: day }, NOW).ok).toBe(false);
      expect(decideAssignmentDates({ startDate: '2025-01-01', endDate: day }, NOW).ok).toBe(false);
    },
  );

  it('knows leap days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});
