import { MongoSessionSeatsRepository } from '../src/enrollments/infra/mongo-session-seats.repository';
import {
  SESSION_SEATS_MODEL,
  SessionSeatsSchema,
  type SessionSeatsDocument,
} from '../src/enrollments/infra/session-seats.schema';
import { describeSessionSeatsRepositoryContract } from '../src/testing/session-seats-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<SessionSeatsDocument>(SESSION_SEATS_MODEL, SessionSeatsSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeSessionSeatsRepositoryContract(
  'MongoSessionSeatsRepository',
  () => new MongoSessionSeatsRepository(database().model),
);
