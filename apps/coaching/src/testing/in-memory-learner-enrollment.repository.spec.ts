import { InMemoryLearnerEnrollmentRepository } from './in-memory-learner-enrollment.repository';
import { describeLearnerEnrollmentRepositoryContract } from './learner-enrollment-repository.contract';

describeLearnerEnrollmentRepositoryContract(
  'InMemoryLearnerEnrollmentRepository',
  () => new InMemoryLearnerEnrollmentRepository(),
);
