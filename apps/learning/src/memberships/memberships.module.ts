import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { GROUP_MEMBERSHIP_MODEL, GroupMembershipSchema } from './infra/group-membership.schema';
import { MongoGroupMembershipRepository } from './infra/mongo-group-membership.repository';
import { GROUP_MEMBERSHIP_REPOSITORY } from './ports/group-membership.repository';
import { ApplyMembershipEventsUseCase } from './use-cases/apply-membership-events.use-case';

/**
 * Learning's projection of group memberships, from identity's events: which groups a user
 * belongs to, so that the catalog shows it its groups' libraries (LE-C1), and whom a group
 * enrollment enrolls (LE-G1, whose module consumes the events).
 */
@Module({
  providers: [
    mongoModel(GROUP_MEMBERSHIP_MODEL, GroupMembershipSchema),
    { provide: GROUP_MEMBERSHIP_REPOSITORY, useClass: MongoGroupMembershipRepository },
    ApplyMembershipEventsUseCase,
  ],
  exports: [GROUP_MEMBERSHIP_REPOSITORY, ApplyMembershipEventsUseCase],
})
export class MembershipsModule {}
