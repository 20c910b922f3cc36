import type { CalendarDate } from '../../assignments/domain/calendar-date';

/** A tenant's calendar: the day it is in the tenant's time zone (CO-A1, CO-A8). */
export interface TenantCalendar {
  /** The day `now` falls on in the tenant's time zone; UTC's for a tenant not known yet. */
  todayOf(tenantId: string, now: Date): Promise<CalendarDate>;
  /** The day any instant falls on in the tenant's time zone (one look-up for many instants). */
  dayOfIn(tenantId: string): Promise<DayOf>;
}

/** The day an instant falls on, in some time zone. */
export type DayOf = (instant: Date) => CalendarDate;

export const TENANT_CALENDAR = Symbol('TENANT_CALENDAR');
