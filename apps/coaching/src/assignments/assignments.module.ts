import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MembershipsModule } from '../memberships/memberships.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersModule } from '../users/users.module';
import { AssignmentsController } from './assignments.controller';
import { BulkAssignmentJob } from './bulk-assignment.job';
import { BulkAssignmentsController } from './bulk-assignments.controller';
import { BULK_ASSIGNMENT_MODEL, BulkAssignmentSchema } from './infra/bulk-assignment.schema';
import { MongoBulkAssignmentRepository } from './infra/mongo-bulk-assignment.repository';
import { BULK_ASSIGNMENT_REPOSITORY } from './ports/bulk-assignment.repository';
import {
  GetBulkAssignmentUseCase,
  ListBulkCandidatesUseCase,
  RunBulkAssignmentUseCase,
} from './use-cases/bulk-assignment.use-cases';
import { StartBulkAssignmentUseCase } from './use-cases/start-bulk-assignment.use-case';
import { AssignmentsPeriodicWork } from './assignments-periodic-work';
import { GroupAssignmentEventsConsumer } from './group-assignment-events.consumer';
import { GroupAssignmentsController } from './group-assignments.controller';
import { GroupFanOutJob } from './group-fan-out.job';
import { GroupFollowJob } from './group-follow.job';
import { ASSIGNMENT_MODEL, AssignmentSchema } from './infra/assignment.schema';
import { GROUP_ASSIGNMENT_MODEL, GroupAssignmentSchema } from './infra/group-assignment.schema';
import { MongoAssignmentRepository } from './infra/mongo-assignment.repository';
import { MongoGroupAssignmentRepository } from './infra/mongo-group-assignment.repository';
import { MembershipEventsConsumer } from './membership-events.consumer';
import { MyMenteesController } from './my-mentees.controller';
import { ReportsController } from './reports.controller';
import { ExportAssignmentsUseCase, ReportAssignmentsUseCase } from './use-cases/assignment-reports.use-cases';
import { ListMyMenteesUseCase } from './use-cases/list-my-mentees.use-case';
import { ASSIGNMENT_REPOSITORY } from './ports/assignment.repository';
import { GROUP_ASSIGNMENT_REPOSITORY } from './ports/group-assignment.repository';
import { ApplyMembershipEventsUseCase } from './use-cases/apply-membership-events.use-case';
import { CreateGroupAssignmentUseCase } from './use-cases/create-group-assignment.use-case';
import { AssignmentLifecycleUseCase } from './use-cases/assignment-lifecycle.use-case';
import { AssignableCoaches } from './use-cases/assignable-coaches';
import { AssignmentWriter } from './use-cases/assignment-writer';
import { CreateAssignmentUseCase } from './use-cases/create-assignment.use-case';
import { ExpireGroupAssignmentsUseCase } from './use-cases/expire-group-assignments.use-case';
import { FollowAssignmentCalendarUseCase } from './use-cases/follow-assignment-calendar.use-case';
import { GetAssignmentUseCase } from './use-cases/get-assignment.use-case';
import { FollowGroupAssignmentUseCase } from './use-cases/follow-group-assignment.use-case';
import { GetGroupAssignmentUseCase } from './use-cases/get-group-assignment.use-case';
import { GroupAssignmentLifecycleUseCase } from './use-cases/group-assignment-lifecycle.use-case';
import { ListAssignmentsUseCase } from './use-cases/list-assignments.use-case';
import { ListGroupAssignmentsUseCase } from './use-cases/list-group-assignments.use-case';
import { RunGroupFanOutUseCase } from './use-cases/run-group-fan-out.use-case';

/**
 * Individual assignments through their life (CO-A1, CO-A4..A6, CO-A8, CO-A9), group assignments,
 * their fan-out, and the individual assignments derived from them (CO-A2, CO-A11).
 */
@Module({
  imports: [MembershipsModule, UsersModule, TenantsModule],
  controllers: [
    GroupAssignmentsController,
    BulkAssignmentsController,
    MyMenteesController,
    ReportsController,
    AssignmentsController,
    GroupAssignmentEventsConsumer,
    MembershipEventsConsumer,
  ],
  providers: [
    mongoModel(GROUP_ASSIGNMENT_MODEL, GroupAssignmentSchema),
    mongoModel(ASSIGNMENT_MODEL, AssignmentSchema),
    mongoModel(BULK_ASSIGNMENT_MODEL, BulkAssignmentSchema),
    { provide: BULK_ASSIGNMENT_REPOSITORY, useClass: MongoBulkAssignmentRepository },
    StartBulkAssignmentUseCase,
    RunBulkAssignmentUseCase,
    GetBulkAssignmentUseCase,
    ListBulkCandidatesUseCase,
    ListMyMenteesUseCase,
    ExportAssignmentsUseCase,
    ReportAssignmentsUseCase,
    BulkAssignmentJob,
    { provide: GROUP_ASSIGNMENT_REPOSITORY, useClass: MongoGroupAssignmentRepository },
    { provide: ASSIGNMENT_REPOSITORY, useClass: MongoAssignmentRepository },
    AssignmentWriter,
    AssignableCoaches,
    CreateAssignmentUseCase,
    AssignmentLifecycleUseCase,
    FollowAssignmentCalendarUseCase,
    ExpireGroupAssignmentsUseCase,
    AssignmentsPeriodicWork,
    CreateGroupAssignmentUseCase,
    RunGroupFanOutUseCase,
    GroupFanOutJob,
    GroupAssignmentLifecycleUseCase,
    FollowGroupAssignmentUseCase,
    GroupFollowJob,
    ApplyMembershipEventsUseCase,
    GetGroupAssignmentUseCase,
    ListGroupAssignmentsUseCase,
    GetAssignmentUseCase,
    ListAssignmentsUseCase,
  ],
  exports: [ASSIGNMENT_REPOSITORY],
})
export class AssignmentsModule {}
