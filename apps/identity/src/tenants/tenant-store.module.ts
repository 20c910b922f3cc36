import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoTenantRepository } from './infra/mongo-tenant.repository';
import { TENANT_MODEL, TenantSchema } from './infra/tenant.schema';
import { TENANT_REPOSITORY } from './ports/tenant.repository';

/**
 * The tenants' storage, for the features that read a tenant's state: tenants, and the users
 * and sign-in, which refuse a tenant whose deletion has started.
 */
@Module({
  providers: [
    mongoModel(TENANT_MODEL, TenantSchema),
    { provide: TENANT_REPOSITORY, useClass: MongoTenantRepository },
  ],
  exports: [TENANT_REPOSITORY],
})
export class TenantStoreModule {}
