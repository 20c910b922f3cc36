import { describeGroupAssignmentRepositoryContract } from './group-assignment-repository.contract';
import { InMemoryGroupAssignmentRepository } from './in-memory-group-assignment.repository';

describeGroupAssignmentRepositoryContract(
  'InMemoryGroupAssignmentRepository',
  () => new InMemoryGroupAssignmentRepository(),
);
