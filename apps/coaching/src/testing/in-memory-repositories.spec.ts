import { InMemoryAssignmentRepository } from './in-memory-assignment.repository';
import { InMemoryGroupAssignmentRepository } from './in-memory-group-assignment.repository';
import { InMemoryMembershipProjectionRepository } from './in-memory-membership-projection.repository';
import { InMemoryUserProjectionRepository } from './in-memory-user-projection.repository';
import { describeRepositoryContracts } from './repository-contracts';

describe('in-memory repositories', () => {
  describeRepositoryContracts({
    assignments: () => new InMemoryAssignmentRepository(),
    groupAssignments: () => new InMemoryGroupAssignmentRepository(),
    memberships: () => new InMemoryMembershipProjectionRepository(),
    users: () => new InMemoryUserProjectionRepository(),
  });
});
