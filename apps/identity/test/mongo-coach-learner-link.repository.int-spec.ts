import { MongoCoachLearnerLinkRepository } from '../src/coach-profiles/infra/mongo-coach-learner-link.repository';
import {
  COACH_LEARNER_LINK_MODEL,
  CoachLearnerLinkSchema,
} from '../src/coach-profiles/infra/coach-profile.schema';
import { describeCoachLearnerLinkRepositoryContract } from '../src/testing/coach-learner-link-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeCoachLearnerLinkRepositoryContract(
  'MongoCoachLearnerLinkRepository',
  mongoRepositoryUnderContract(
    COACH_LEARNER_LINK_MODEL,
    CoachLearnerLinkSchema,
    (model) => new MongoCoachLearnerLinkRepository(model),
  ),
);
