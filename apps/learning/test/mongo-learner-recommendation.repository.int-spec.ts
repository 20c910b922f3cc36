import {
  LEARNER_RECOMMENDATION_MODEL,
  LearnerRecommendationSchema,
  type LearnerRecommendationDocument,
} from '../src/recommendations/infra/learner-recommendation.schema';
import { MongoLearnerRecommendationRepository } from '../src/recommendations/infra/mongo-learner-recommendation.repository';
import { describeLearnerRecommendationRepositoryContract } from '../src/testing/learner-recommendation-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<LearnerRecommendationDocument>(
  LEARNER_RECOMMENDATION_MODEL,
  LearnerRecommendationSchema,
);

/** The contract the in-memory fake is held to, against the Mongo repository and its version guards. */
describeLearnerRecommendationRepositoryContract(
  'MongoLearnerRecommendationRepository',
  () => new MongoLearnerRecommendationRepository(database().model),
);
