import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { UserStoreModule } from '../users/user-store.module';
import { ADMIN_REGISTRY_MODEL, AdminRegistrySchema } from './infra/admin-registry.schema';
import { MongoAdminRegistryRepository } from './infra/mongo-admin-registry.repository';
import { ADMIN_REGISTRY_REPOSITORY } from './ports/admin-registry.repository';
import { AdministratorRegistry } from './use-cases/administrator-registry';

/**
 * The administrator registry of each tenant (ID-R2, ID-R3); its routes are the users', its
 * periodic reconcile is among the users' periodic work.
 */
@Module({
  imports: [UserStoreModule],
  providers: [
    mongoModel(ADMIN_REGISTRY_MODEL, AdminRegistrySchema),
    { provide: ADMIN_REGISTRY_REPOSITORY, useClass: MongoAdminRegistryRepository },
    AdministratorRegistry,
  ],
  exports: [AdministratorRegistry],
})
export class AdminRolesModule {}
