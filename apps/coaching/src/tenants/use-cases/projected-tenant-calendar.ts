import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDate } from '../../assignments/domain/calendar-date';
import { timezoneOf } from '../domain/coaching-tenant';
import { calendarDateIn } from '../domain/tenant-calendar';
import {
  COACHING_TENANT_REPOSITORY,
  type CoachingTenantRepository,
} from '../ports/coaching-tenant.repository';
import type { DayOf, TenantCalendar } from '../ports/tenant-calendar';

/**
 * The tenant's calendar as coaching's projection of tenants knows it: the day in the tenant's
 * time zone, or in UTC while its first event has not arrived.
 */
@Injectable()
export class ProjectedTenantCalendar implements TenantCalendar {
  constructor(@Inject(COACHING_TENANT_REPOSITORY) private readonly tenants: CoachingTenantRepository) {}

  async todayOf(tenantId: string, now: Date): Promise<CalendarDate> {
    return (await this.dayOfIn(tenantId))(now);
  }

  async dayOfIn(tenantId: string): Promise<DayOf> {
    const timezone = timezoneOf(await this.tenants.find(tenantId));
    return (instant) => calendarDateIn(timezone, instant);
  }
}
