import { describeAssignmentRepositoryContract } from './assignment-repository.contract';
import { InMemoryAssignmentRepository } from './in-memory-assignment.repository';

describeAssignmentRepositoryContract(
  'InMemoryAssignmentRepository',
  () => new InMemoryAssignmentRepository(),
);
