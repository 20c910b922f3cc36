import { InMemoryRecommendationRepository } from './in-memory-recommendation.repository';
import { describeRecommendationRepositoryContract } from './recommendation-repository.contract';

describeRecommendationRepositoryContract(
  'InMemoryRecommendationRepository',
  () => new InMemoryRecommendationRepository(),
);
