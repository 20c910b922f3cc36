import {
  LEARNER_ENROLLMENT_REPOSITORY,
  type LearnerEnrollmentRepository,
} from '../src/enrollments/ports/learner-enrollment.repository';
import { describeLearnerEnrollmentRepositoryContract } from '../src/testing/learner-enrollment-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its versioned batches. */
describeLearnerEnrollmentRepositoryContract(
  'MongoLearnerEnrollmentRepository',
  repositoryOfTheService<LearnerEnrollmentRepository>(LEARNER_ENROLLMENT_REPOSITORY),
);
