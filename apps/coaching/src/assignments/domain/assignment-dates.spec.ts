import { decideAssignmentDatesOn } from './assignment-dates';
import { isCalendarDate } from './calendar-date';

const TODAY = '2025-03-10';

describe('assignment dates', () => {
  it('given no start date, when deciding, then the start is today and there is no end', () => {
    expect(decideAssignmentDatesOn({}, TODAY)).toEqual({
      ok: true,
      dates: { startDate: '2025-03-10', endDate: null },
    });
  });

  it("given no start date and the tenant's day, when deciding, then the start is that day", () => {
    expect(decideAssignmentDatesOn({}, '2025-03-11')).toEqual({
      ok: true,
      dates: { startDate: '2025-03-11', endDate: null },
    });
    expect(decideAssignmentDatesOn({ startDate: '2024-01-15' }, '2025-03-11')).toEqual({
      ok: true,
      dates: { startDate: '2024-01-15', endDate: null },
    });
    expect(decideAssignmentDatesOn({ endDate: '2025-03-10' }, '2025-03-11')).toEqual({
      ok: false,
      reason: 'endDate is before startDate',
    });
  });

  it('given a backdated start, when deciding, then it is kept', () => {
    expect(decideAssignmentDatesOn({ startDate: '2024-01-15' }, TODAY)).toEqual({
      ok: true,
      dates: { startDate: '2024-01-15', endDate: null },
    });
  });

  it('given an end on the start day, when deciding, then it is accepted', () => {
    expect(decideAssignmentDatesOn({ startDate: '2025-04-01', endDate: '2025-04-01' }, TODAY)).toEqual({
      ok: true,
      dates: { startDate: '2025-04-01', endDate: '2025-04-01' },
    });
  });

  it('given an end before the start, when deciding, then it is refused', () => {
    expect(decideAssignmentDatesOn({ startDate: '2025-04-02', endDate: '2025-04-01' }, TODAY)).toEqual({
      ok: false,
      reason: 'endDate is before startDate',
    });
  });

  it('given no start and an end before today, when deciding, then it is refused', () => {
    expect(decideAssignmentDatesOn({ endDate: '2025-03-09' }, TODAY).ok).toBe(false);
  });

  it.each(['2025-02-30', '2025-13-01', '25-03-01', '2025-03-01T00:00:00Z', ''])(
    'given the impossible day %p, when deciding, then it is refused',
    (day) => {
      expect(decideAssignmentDatesOn({ startDate: day }, TODAY).ok).toBe(false);
      expect(decideAssignmentDatesOn({ startDate: '2025-01-01', endDate: day }, TODAY).ok).toBe(false);
    },
  );

  it('knows leap days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});
