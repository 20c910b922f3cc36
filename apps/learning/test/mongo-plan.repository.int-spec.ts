import { PLAN_MODEL, PlanSchema, type PlanDocument } from '../src/plans/infra/plan.schema';
import { MongoPlanRepository } from '../src/plans/infra/mongo-plan.repository';
import { describePlanRepositoryContract } from '../src/testing/plan-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<PlanDocument>(PLAN_MODEL, PlanSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describePlanRepositoryContract('MongoPlanRepository', () => new MongoPlanRepository(database().model));
