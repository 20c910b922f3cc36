import { describeEnrollmentRepositoryContract } from './enrollment-repository.contract';
import { InMemoryEnrollmentRepository } from './in-memory-enrollment.repository';

describeEnrollmentRepositoryContract('InMemoryEnrollmentRepository', () => {
  const repository = new InMemoryEnrollmentRepository();
  return { repository, outboxOf: async (id) => repository.outboxOf(id) };
});
