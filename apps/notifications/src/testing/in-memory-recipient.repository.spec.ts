import { InMemoryRecipientRepository } from './in-memory-recipient.repository';
import { describeRecipientRepositoryContract } from './recipient-repository.contract';

describeRecipientRepositoryContract('InMemoryRecipientRepository', () => new InMemoryRecipientRepository());
