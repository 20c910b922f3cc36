import { InMemoryPlanRepository } from './in-memory-plan.repository';
import { describePlanRepositoryContract } from './plan-repository.contract';

describePlanRepositoryContract('InMemoryPlanRepository', () => new InMemoryPlanRepository());
