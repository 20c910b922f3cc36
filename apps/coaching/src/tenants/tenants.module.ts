import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { COACHING_TENANT_MODEL, CoachingTenantSchema } from './infra/coaching-tenant.schema';
import { MongoCoachingTenantRepository } from './infra/mongo-coaching-tenant.repository';
import { COACHING_TENANT_REPOSITORY } from './ports/coaching-tenant.repository';
import { TENANT_CALENDAR } from './ports/tenant-calendar';
import { ApplyTenantEventsUseCase } from './use-cases/apply-tenant-events.use-case';
import { ProjectedTenantCalendar } from './use-cases/projected-tenant-calendar';
import { TenantEventsConsumer } from './tenant-events.consumer';

/**
 * Coaching's projection of identity's tenants, fed by the tenants stream: a tenant's days (an
 * assignment's default start, CO-A1 and CO-A8) are counted in its time zone (`TENANT_CALENDAR`).
 */
@Module({
  controllers: [TenantEventsConsumer],
  providers: [
    mongoModel(COACHING_TENANT_MODEL, CoachingTenantSchema),
    { provide: COACHING_TENANT_REPOSITORY, useClass: MongoCoachingTenantRepository },
    { provide: TENANT_CALENDAR, useClass: ProjectedTenantCalendar },
    ApplyTenantEventsUseCase,
  ],
  exports: [COACHING_TENANT_REPOSITORY, TENANT_CALENDAR],
})
export class TenantsModule {}
