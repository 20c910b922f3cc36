import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoursesModule } from '../courses/courses.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { PlansModule } from '../plans/plans.module';
import { UsersModule } from '../users/users.module';
import { GroupEnrollmentJob } from './group-enrollment.job';
import { GroupEnrollmentsController } from './group-enrollments.controller';
import {
  GROUP_ENROLLMENT_DEPARTURE_MODEL,
  GROUP_ENROLLMENT_MODEL,
  GroupEnrollmentDepartureSchema,
  GroupEnrollmentSchema,
} from './infra/group-enrollment.schema';
import {
  MongoGroupEnrollmentDepartureRepository,
  MongoGroupEnrollmentRepository,
} from './infra/mongo-group-enrollment.repository';
import { MembershipEventsConsumer } from './membership-events.consumer';
import {
  GROUP_ENROLLMENT_DEPARTURE_REPOSITORY,
  GROUP_ENROLLMENT_REPOSITORY,
} from './ports/group-enrollment.repository';
import { FollowGroupMembershipsUseCase } from './use-cases/follow-group-memberships.use-case';
import {
  EndGroupEnrollmentUseCase,
  GetGroupEnrollmentUseCase,
  ListGroupEnrollmentDeparturesUseCase,
  ListGroupEnrollmentsUseCase,
} from './use-cases/group-enrollment-queries.use-cases';
import { GroupMemberEnroller } from './use-cases/group-member-enroller';
import { RunGroupEnrollmentUseCase } from './use-cases/run-group-enrollment.use-case';
import { StartGroupEnrollmentUseCase } from './use-cases/start-group-enrollment.use-case';

/**
 * Group enrollments (LE-G1): a course or plan assigned to a group enrolls its current members
 * holding chosen roles, as a job of `@lms/jobs`, and its future ones from identity's
 * membership events (this module consumes them: the projection first, then the follow).
 */
@Module({
  imports: [MembershipsModule, CoursesModule, EnrollmentsModule, PlansModule, UsersModule],
  controllers: [GroupEnrollmentsController, MembershipEventsConsumer],
  providers: [
    mongoModel(GROUP_ENROLLMENT_MODEL, GroupEnrollmentSchema),
    mongoModel(GROUP_ENROLLMENT_DEPARTURE_MODEL, GroupEnrollmentDepartureSchema),
    { provide: GROUP_ENROLLMENT_REPOSITORY, useClass: MongoGroupEnrollmentRepository },
    { provide: GROUP_ENROLLMENT_DEPARTURE_REPOSITORY, useClass: MongoGroupEnrollmentDepartureRepository },
    GroupMemberEnroller,
    StartGroupEnrollmentUseCase,
    GetGroupEnrollmentUseCase,
    ListGroupEnrollmentsUseCase,
    EndGroupEnrollmentUseCase,
    ListGroupEnrollmentDeparturesUseCase,
    RunGroupEnrollmentUseCase,
    FollowGroupMembershipsUseCase,
    GroupEnrollmentJob,
  ],
})
export class GroupEnrollmentsModule {}
