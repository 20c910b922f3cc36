import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { UserStoreModule } from '../users/user-store.module';
import { MongoPermissionProfileRepository } from './infra/mongo-permission-profile.repository';
import { PERMISSION_PROFILE_MODEL, PermissionProfileSchema } from './infra/permission-profile.schema';
import { PermissionProfilesController } from './permission-profiles.controller';
import { PERMISSION_PROFILE_REPOSITORY } from './ports/permission-profile.repository';
import { DefinePermissionProfileUseCase } from './use-cases/define-permission-profile.use-case';
import { DeletePermissionProfileUseCase } from './use-cases/delete-permission-profile.use-case';
import { GetPermissionProfileUseCase } from './use-cases/get-permission-profile.use-case';
import { ListPermissionProfilesUseCase } from './use-cases/list-permission-profiles.use-case';

/**
 * Permission profiles (ID-U2). The users feature imports this module: a power user's rights
 * are its profile's, read at each of its requests, and a profile given to a user must exist.
 */
@Module({
  imports: [UserStoreModule],
  controllers: [PermissionProfilesController],
  providers: [
    mongoModel(PERMISSION_PROFILE_MODEL, PermissionProfileSchema),
    { provide: PERMISSION_PROFILE_REPOSITORY, useClass: MongoPermissionProfileRepository },
    DefinePermissionProfileUseCase,
    GetPermissionProfileUseCase,
    ListPermissionProfilesUseCase,
    DeletePermissionProfileUseCase,
  ],
  exports: [PERMISSION_PROFILE_REPOSITORY],
})
export class PermissionProfilesModule {}
