import { describeCourseSessionRepositoryContract } from './course-session-repository.contract';
import { InMemoryCourseSessionRepository } from './in-memory-course-session.repository';

describeCourseSessionRepositoryContract(
  'InMemoryCourseSessionRepository',
  () => new InMemoryCourseSessionRepository(),
);
