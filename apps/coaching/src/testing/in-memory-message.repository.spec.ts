import { InMemoryMessageRepository } from './in-memory-message.repository';
import { describeMessageRepositoryContract } from './message-repository.contract';

describeMessageRepositoryContract('InMemoryMessageRepository', () => new InMemoryMessageRepository());
