import { describeCourseSessionRepositoryContract } from './course-session-repository.contract';
import { InMemoryCourseSessionRepository } from './in-memory-course-session.repository';

describeCourseSessionRepositoryContract('InMemoryCourseSessionRepository', () => {
  const repository = new InMemoryCourseSessionRepository();
  return { repository, outboxOf: async (id: string) => repository.outboxOf(id) };
});
