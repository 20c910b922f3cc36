import {
  COACHING_RECORD_REPOSITORY,
  type CoachingRecordRepository,
} from '../src/evaluations/ports/coaching-record.repository';
import { describeCoachingRecordRepositoryContract } from '../src/testing/coaching-record-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeCoachingRecordRepositoryContract(
  'MongoCoachingRecordRepository',
  repositoryOfTheService<CoachingRecordRepository>(COACHING_RECORD_REPOSITORY),
);
