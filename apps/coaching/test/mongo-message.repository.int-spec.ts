import { MESSAGE_REPOSITORY, type MessageRepository } from '../src/discussions/ports/message.repository';
import { describeMessageRepositoryContract } from '../src/testing/message-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its aggregation. */
describeMessageRepositoryContract(
  'MongoMessageRepository',
  repositoryOfTheService<MessageRepository>(MESSAGE_REPOSITORY),
);
