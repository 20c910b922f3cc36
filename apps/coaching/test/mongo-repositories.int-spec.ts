import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../src/assignments/ports/assignment.repository';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../src/assignments/ports/group-assignment.repository';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';
import { describeRepositoryContracts } from '../src/testing/repository-contracts';
import {
  USER_PROJECTION_REPOSITORY,
  type UserProjectionRepository,
} from '../src/users/ports/user-projection.repository';

/** The contracts the in-memory fakes are held to, against the Mongo repositories and their unique indexes. */
describe('Mongo repositories', () => {
  let service: ServiceTestApp;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', withConsumers: false });
  });

  afterAll(async () => {
    await service?.close();
  });

  describeRepositoryContracts({
    assignments: () => service.app.get<AssignmentRepository>(ASSIGNMENT_REPOSITORY),
    groupAssignments: () => service.app.get<GroupAssignmentRepository>(GROUP_ASSIGNMENT_REPOSITORY),
    memberships: () => service.app.get<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY),
    users: () => service.app.get<UserProjectionRepository>(USER_PROJECTION_REPOSITORY),
  });
});
