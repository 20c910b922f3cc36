import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CredentialsModule } from '../auth/credentials.module';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { UsersModule } from '../users/users.module';
import { TenantDeletionJob } from './tenant-deletion.job';
import { TenantStoreModule } from './tenant-store.module';
import { PlatformOwnerController } from './platform-owner.controller';
import { TenantsController } from './tenants.controller';
import { AdministratorAccounts } from './use-cases/administrator-accounts';
import { BootstrapHostTenantUseCase } from './use-cases/bootstrap-host-tenant.use-case';
import { CreateTenantUseCase } from './use-cases/create-tenant.use-case';
import { DeleteTenantUseCase } from './use-cases/delete-tenant.use-case';
import { FinishTenantProvisioningUseCase } from './use-cases/finish-tenant-provisioning.use-case';
import { GetTenantUseCase } from './use-cases/get-tenant.use-case';
import { ListTenantsUseCase } from './use-cases/list-tenants.use-case';
import { ResumeTenantProvisioningUseCase } from './use-cases/resume-tenant-provisioning.use-case';
import { RunTenantDeletionUseCase } from './use-cases/run-tenant-deletion.use-case';
import { UpdateTenantUseCase } from './use-cases/update-tenant.use-case';
import { GetPlatformOwnerUseCase, HandPlatformOwnershipUseCase } from './use-cases/platform-owner.use-cases';

/**
 * Tenants (ID-T1..T3) and their Platform Owner (ID-G5); at start-up, the host tenant and its System Administrator; a tenant's
 * deletion runs as a job.
 */
@Module({
  imports: [TenantStoreModule, UsersModule, CredentialsModule],
  controllers: [TenantsController, PlatformOwnerController],
  providers: [
    AdministratorAccounts,
    BootstrapHostTenantUseCase,
    FinishTenantProvisioningUseCase,
    ResumeTenantProvisioningUseCase,
    CreateTenantUseCase,
    ListTenantsUseCase,
    GetTenantUseCase,
    UpdateTenantUseCase,
    GetPlatformOwnerUseCase,
    HandPlatformOwnershipUseCase,
    DeleteTenantUseCase,
    RunTenantDeletionUseCase,
    TenantDeletionJob,
  ],
  exports: [TenantStoreModule],
})
export class TenantsModule implements OnApplicationBootstrap {
  constructor(
    private readonly bootstrapHostTenant: BootstrapHostTenantUseCase,
    private readonly resumeProvisioning: ResumeTenantProvisioningUseCase,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** ID-T1 at every start (a no-op once done), then whatever a crash left provisioning (ID-T2). */
  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapHostTenant.execute(this.config.tenants.bootstrap);
    await this.resumeProvisioning.execute();
  }
}
