import { describeCoachLearnerLinkRepositoryContract } from './coach-learner-link-repository.contract';
import { InMemoryCoachLearnerLinkRepository } from './in-memory-coach-learner-link.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeCoachLearnerLinkRepositoryContract('InMemoryCoachLearnerLinkRepository', () =>
  inMemoryUnderContract(() => new InMemoryCoachLearnerLinkRepository()),
);
