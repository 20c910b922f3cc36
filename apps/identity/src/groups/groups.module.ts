import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MEMBERSHIP_MODEL, MembershipSchema } from '../memberships/infra/membership.schema';
import { MongoMembershipRepository } from '../memberships/infra/mongo-membership.repository';
import { MEMBERSHIP_REPOSITORY } from '../memberships/ports/membership.repository';
import { RemoveMemberUseCase } from '../memberships/use-cases/remove-member.use-case';
import { PermissionProfilesModule } from '../permission-profiles/permission-profiles.module';
import { UserStoreModule } from '../users/user-store.module';
import { GroupDeletionJob } from './group-deletion.job';
import { GroupsController } from './groups.controller';
import { GROUP_MODEL, GroupSchema } from './infra/group.schema';
import { MongoGroupRepository } from './infra/mongo-group.repository';
import { GROUP_REPOSITORY } from './ports/group.repository';
import { CreateGroupUseCase } from './use-cases/create-group.use-case';
import { DeleteGroupUseCase } from './use-cases/delete-group.use-case';
import { GetGroupUseCase } from './use-cases/get-group.use-case';
import { GroupAccess } from './use-cases/group-access';
import { ListGroupsUseCase } from './use-cases/list-groups.use-case';
import { RunGroupDeletionUseCase } from './use-cases/run-group-deletion.use-case';
import { UpdateGroupUseCase } from './use-cases/update-group.use-case';

@Module({
  imports: [UserStoreModule, PermissionProfilesModule],
  controllers: [GroupsController],
  providers: [
    mongoModel(GROUP_MODEL, GroupSchema),
    { provide: GROUP_REPOSITORY, useClass: MongoGroupRepository },
    // Who sees a group depends on its memberships, and a deletion removes them; the
    // memberships feature imports this module, so the repository is provided here too.
    mongoModel(MEMBERSHIP_MODEL, MembershipSchema),
    { provide: MEMBERSHIP_REPOSITORY, useClass: MongoMembershipRepository },
    GroupAccess,
    RemoveMemberUseCase,
    CreateGroupUseCase,
    GetGroupUseCase,
    ListGroupsUseCase,
    UpdateGroupUseCase,
    DeleteGroupUseCase,
    RunGroupDeletionUseCase,
    GroupDeletionJob,
  ],
  exports: [GROUP_REPOSITORY, GroupAccess],
})
export class GroupsModule {}
