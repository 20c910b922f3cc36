import { isCalendarDate, type CalendarDate } from './calendar-date';

export interface RequestedDates {
  startDate?: string | null;
  endDate?: string | null;
}

export interface AssignmentDates {
  startDate: CalendarDate;
  endDate: CalendarDate | null;
}

export type DatesDecision = { ok: true; dates: AssignmentDates } | { ok: false; reason: string };

/**
 * The date range of a new assignment (CO-A1, CO-A2): the start defaults to `today` (the day it
 * is in the tenant's time zone) and may be backdated; the optional end may not fall before the
 * start.
 */
export function decideAssignmentDatesOn(requested: RequestedDates, today: CalendarDate): DatesDecision {
  const startDate = requested.startDate ?? today;
  const endDate = requested.endDate ?? null;
  if (!isCalendarDate(startDate)) return { ok: false, reason: 'startDate is not a day written YYYY-MM-DD' };
  if (endDate !== null && !isCalendarDate(endDate)) {
    return { ok: false, reason: 'endDate is not a day written YYYY-MM-DD' };
  }
  if (endDate !== null && endDate < startDate) return { ok: false, reason: 'endDate is before startDate' };
  return { ok: true, dates: { startDate, endDate } };
}
