import { calendarDateOf, type CalendarDate } from '../../assignments/domain/calendar-date';

/** One formatter per time zone (building one is the costly part); null: a zone this runtime does not know. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(timezone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timezone)) {
    let formatter: Intl.DateTimeFormat | null;
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timezone, formatter);
  }
  return formatters.get(timezone) ?? null;
}

/**
 * The day `instant` falls on in the IANA time zone `timezone` (CO-A1, CO-A8: a tenant's
 * "today"): 23:30 UTC is already the next day in Asia/Tokyo and still the same day in
 * America/New_York. A zone this runtime does not know counts as UTC.
 */
export function calendarDateIn(timezone: string, instant: Date): CalendarDate {
  const formatter = formatterOf(timezone);
  if (formatter === null) return calendarDateOf(instant);
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
