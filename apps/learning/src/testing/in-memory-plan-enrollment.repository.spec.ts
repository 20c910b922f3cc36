import { InMemoryPlanEnrollmentRepository } from './in-memory-plan-enrollment.repository';
import { describePlanEnrollmentRepositoryContract } from './plan-enrollment-repository.contract';

describePlanEnrollmentRepositoryContract('InMemoryPlanEnrollmentRepository', () => {
  const repository = new InMemoryPlanEnrollmentRepository();
  return { repository, outboxOf: async (id) => repository.outboxOf(id) };
});
