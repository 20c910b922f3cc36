import { describeDigestLockRepositoryContract } from './digest-lock-repository.contract';
import { InMemoryDigestLockRepository } from './in-memory-digest-lock.repository';

describeDigestLockRepositoryContract(
  'InMemoryDigestLockRepository',
  () => new InMemoryDigestLockRepository(),
);
