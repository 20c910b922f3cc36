import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { MEMBERSHIP_MODEL, MembershipSchema } from './infra/membership.schema';
import { MongoMembershipRepository } from './infra/mongo-membership.repository';
import { MembershipsController } from './memberships.controller';
import { MEMBERSHIP_REPOSITORY } from './ports/membership.repository';
import { AddMemberUseCase } from './use-cases/add-member.use-case';
import { AddNewMembersUseCase } from './use-cases/add-new-members.use-case';
import { ChangeMemberRolesUseCase } from './use-cases/change-member-roles.use-case';
import { ListMembersUseCase } from './use-cases/list-members.use-case';
import { RemoveMemberUseCase } from './use-cases/remove-member.use-case';

@Module({
  imports: [UsersModule, GroupsModule],
  controllers: [MembershipsController],
  providers: [
    mongoModel(MEMBERSHIP_MODEL, MembershipSchema),
    { provide: MEMBERSHIP_REPOSITORY, useClass: MongoMembershipRepository },
    AddMemberUseCase,
    AddNewMembersUseCase,
    ChangeMemberRolesUseCase,
    RemoveMemberUseCase,
    ListMembersUseCase,
  ],
  exports: [AddMemberUseCase, AddNewMembersUseCase, ChangeMemberRolesUseCase, MEMBERSHIP_REPOSITORY],
})
export class MembershipsModule {}
