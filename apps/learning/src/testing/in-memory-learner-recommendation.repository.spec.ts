import { InMemoryLearnerRecommendationRepository } from './in-memory-learner-recommendation.repository';
import { describeLearnerRecommendationRepositoryContract } from './learner-recommendation-repository.contract';

describeLearnerRecommendationRepositoryContract(
  'InMemoryLearnerRecommendationRepository',
  () => new InMemoryLearnerRecommendationRepository(),
);
