import type { CalendarDate } from '../domain/calendar-date';
import { calendarDateIn } from '../../tenants/domain/tenant-calendar';
import type { TenantCalendar } from '../../tenants/ports/tenant-calendar';

/** The zone whose day is the latest anywhere (UTC+14): no tenant's day is later than its. */
const LATEST_ZONE = 'Etc/GMT-14';

/**
 * The days of one calendar sweep over every tenant (CO-A1, CO-A8): candidates are read by the
 * latest day it is anywhere now, so that no tenant's due assignment is missed, and each is
 * decided on its own tenant's day (one not due there yet is left as it is). Each tenant's day
 * is looked up once per sweep.
 */
export class SweepCalendar {
  /** The latest day it is anywhere at `now`. */
  readonly latestDay: CalendarDate;
  private readonly days = new Map<string, Promise<CalendarDate>>();

  constructor(
    private readonly calendar: TenantCalendar,
    readonly now: Date,
  ) {
    this.latestDay = calendarDateIn(LATEST_ZONE, now);
  }

  todayOf(tenantId: string): Promise<CalendarDate> {
    let day = this.days.get(tenantId);
    if (day === undefined) {
      day = this.calendar.todayOf(tenantId, this.now);
      this.days.set(tenantId, day);
    }
    return day;
  }
}
