import { describeCourseRepositoryContract } from './course-repository.contract';
import { InMemoryCourseRepository } from './in-memory-course.repository';

describeCourseRepositoryContract('InMemoryCourseRepository', () => {
  const repository = new InMemoryCourseRepository();
  return { repository, outboxOf: async (id) => repository.outboxOf(id) };
});
