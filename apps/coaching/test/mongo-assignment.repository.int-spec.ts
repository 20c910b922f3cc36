import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../src/assignments/ports/assignment.repository';
import { describeAssignmentRepositoryContract } from '../src/testing/assignment-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its unique indexes. */
describeAssignmentRepositoryContract(
  'MongoAssignmentRepository',
  repositoryOfTheService<AssignmentRepository>(ASSIGNMENT_REPOSITORY),
);
