import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../src/assignments/ports/group-assignment.repository';
import { describeGroupAssignmentRepositoryContract } from '../src/testing/group-assignment-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository. */
describeGroupAssignmentRepositoryContract(
  'MongoGroupAssignmentRepository',
  repositoryOfTheService<GroupAssignmentRepository>(GROUP_ASSIGNMENT_REPOSITORY),
);
