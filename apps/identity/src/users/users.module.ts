import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { AdminRolesModule } from '../admin-roles/admin-roles.module';
import { CredentialsModule } from '../auth/credentials.module';
import { MEMBERSHIP_MODEL, MembershipSchema } from '../memberships/infra/membership.schema';
import { MongoMembershipRepository } from '../memberships/infra/mongo-membership.repository';
import { MEMBERSHIP_REPOSITORY } from '../memberships/ports/membership.repository';
import { PermissionProfilesModule } from '../permission-profiles/permission-profiles.module';
import { TenantStoreModule } from '../tenants/tenant-store.module';
import { BulkStateChangeJob } from './bulk-state-change.job';
import { BULK_STATE_CHANGE_MODEL, BulkStateChangeSchema } from './infra/bulk-state-change.schema';
import { MongoBulkStateChangeRepository } from './infra/mongo-bulk-state-change.repository';
import { BULK_STATE_CHANGE_REPOSITORY } from './ports/bulk-state-change.repository';
import { UserStoreModule } from './user-store.module';
import { UsersPeriodicWork } from './users-periodic-work';
import { AccountRetirement } from './use-cases/account-retirement';
import { ChangeAdminRoleUseCase } from './use-cases/change-admin-role.use-case';
import { ChangeUserStateUseCase } from './use-cases/change-user-state.use-case';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { CreateUsersUseCase } from './use-cases/create-users.use-case';
import { DeleteUserUseCase } from './use-cases/delete-user.use-case';
import { ExpireDueUsersUseCase } from './use-cases/expire-due-users.use-case';
import { GetBulkStateChangeUseCase } from './use-cases/get-bulk-state-change.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
import { RecordFirstCourseAccessUseCase } from './use-cases/record-first-course-access.use-case';
import { RunBulkStateChangeUseCase } from './use-cases/run-bulk-state-change.use-case';
import { StartBulkStateChangeUseCase } from './use-cases/start-bulk-state-change.use-case';
import { CourseProgressConsumer } from './course-progress.consumer';
import { UpdateUserUseCase } from './use-cases/update-user.use-case';
import { UserAccess } from './use-cases/user-access';
import { UsersController } from './users.controller';

@Module({
  imports: [
    CredentialsModule,
    UserStoreModule,
    AdminRolesModule,
    PermissionProfilesModule,
    TenantStoreModule,
  ],
  controllers: [UsersController, CourseProgressConsumer],
  providers: [
    // A power user's scope is its groups' memberships, looked up by their unique key; the
    // memberships feature imports this module, so the repository is provided here too.
    mongoModel(MEMBERSHIP_MODEL, MembershipSchema),
    { provide: MEMBERSHIP_REPOSITORY, useClass: MongoMembershipRepository },
    UserAccess,
    AccountRetirement,
    CreateUserUseCase,
    CreateUsersUseCase,
    GetUserUseCase,
    ListUsersUseCase,
    UpdateUserUseCase,
    DeleteUserUseCase,
    ChangeUserStateUseCase,
    mongoModel(BULK_STATE_CHANGE_MODEL, BulkStateChangeSchema),
    { provide: BULK_STATE_CHANGE_REPOSITORY, useClass: MongoBulkStateChangeRepository },
    StartBulkStateChangeUseCase,
    RunBulkStateChangeUseCase,
    GetBulkStateChangeUseCase,
    BulkStateChangeJob,
    ChangeAdminRoleUseCase,
    ExpireDueUsersUseCase,
    RecordFirstCourseAccessUseCase,
    UsersPeriodicWork,
  ],
  exports: [
    UserStoreModule,
    AdminRolesModule,
    // What the CSV imports apply a row through (ID-I1, ID-I3).
    CreateUserUseCase,
    CreateUsersUseCase,
    UpdateUserUseCase,
    ChangeUserStateUseCase,
  ],
})
export class UsersModule {}
