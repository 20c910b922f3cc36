import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoursesModule } from '../courses/courses.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { MongoPowerUserRepository } from './infra/mongo-power-user.repository';
import { MongoProfileRightsRepository } from './infra/mongo-profile-rights.repository';
import { POWER_USER_MODEL, PowerUserSchema } from './infra/power-user.schema';
import { PROFILE_RIGHTS_MODEL, ProfileRightsSchema } from './infra/profile-rights.schema';
import { PermissionProfileEventsConsumer } from './permission-profile-events.consumer';
import { POWER_USER_REPOSITORY } from './ports/power-user.repository';
import { PROFILE_RIGHTS_REPOSITORY } from './ports/profile-rights.repository';
import { ApplyPowerUserGrantsUseCase } from './use-cases/apply-power-user-grants.use-case';
import { ApplyProfileDefinitionsUseCase } from './use-cases/apply-profile-definitions.use-case';
import { PowerUserScopes } from './use-cases/power-user-scopes';
import { UserEventsConsumer } from './user-events.consumer';

/**
 * What learning keeps of identity's users and permission profiles: power users' scopes and
 * their profiles' rights, so that a power user manages the enrollments of its scope only
 * (LE-E3, ID-U2); and a deleted account's course roles are released (LE-C2).
 */
@Module({
  imports: [CoursesModule, MembershipsModule],
  controllers: [UserEventsConsumer, PermissionProfileEventsConsumer],
  providers: [
    mongoModel(POWER_USER_MODEL, PowerUserSchema),
    mongoModel(PROFILE_RIGHTS_MODEL, ProfileRightsSchema),
    { provide: POWER_USER_REPOSITORY, useClass: MongoPowerUserRepository },
    { provide: PROFILE_RIGHTS_REPOSITORY, useClass: MongoProfileRightsRepository },
    ApplyPowerUserGrantsUseCase,
    ApplyProfileDefinitionsUseCase,
    PowerUserScopes,
  ],
  exports: [PowerUserScopes],
})
export class UsersModule {}
