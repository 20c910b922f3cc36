import { InMemoryScheduledSessionRepository } from './in-memory-scheduled-session.repository';
import { describeScheduledSessionRepositoryContract } from './scheduled-session-repository.contract';

describeScheduledSessionRepositoryContract(
  'InMemoryScheduledSessionRepository',
  () => new InMemoryScheduledSessionRepository(),
);
