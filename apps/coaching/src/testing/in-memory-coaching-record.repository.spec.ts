import { describeCoachingRecordRepositoryContract } from './coaching-record-repository.contract';
import { InMemoryCoachingRecordRepository } from './in-memory-coaching-record.repository';

describeCoachingRecordRepositoryContract(
  'InMemoryCoachingRecordRepository',
  () => new InMemoryCoachingRecordRepository(),
);
