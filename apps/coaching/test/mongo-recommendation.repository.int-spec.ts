import {
  RECOMMENDATION_REPOSITORY,
  type RecommendationRepository,
} from '../src/recommendations/ports/recommendation.repository';
import { describeRecommendationRepositoryContract } from '../src/testing/recommendation-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeRecommendationRepositoryContract(
  'MongoRecommendationRepository',
  repositoryOfTheService<RecommendationRepository>(RECOMMENDATION_REPOSITORY),
);
