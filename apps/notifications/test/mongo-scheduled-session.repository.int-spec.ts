import { modelInTestDatabase } from '@lms/service-testing';
import { MongoScheduledSessionRepository } from '../src/sessions/infra/mongo-scheduled-session.repository';
import {
  SCHEDULED_SESSION_MODEL,
  ScheduledSessionSchema,
  type ScheduledSessionDocument,
} from '../src/sessions/infra/scheduled-session.schema';
import { describeScheduledSessionRepositoryContract } from '../src/testing/scheduled-session-repository.contract';

const database = modelInTestDatabase<ScheduledSessionDocument>(
  'notifications',
  SCHEDULED_SESSION_MODEL,
  ScheduledSessionSchema,
);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeScheduledSessionRepositoryContract(
  'MongoScheduledSessionRepository',
  () => new MongoScheduledSessionRepository(database().model),
);
