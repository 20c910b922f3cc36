import { describeCoachingUserRepositoryContract } from './coaching-user-repository.contract';
import { InMemoryCoachingUserRepository } from './in-memory-coaching-user.repository';

describeCoachingUserRepositoryContract(
  'InMemoryCoachingUserRepository',
  () => new InMemoryCoachingUserRepository(),
);
