import { asOutboxCollection, type OutboxEntry } from '@lms/messaging';
import {
  PLAN_ENROLLMENT_MODEL,
  PlanEnrollmentSchema,
  type PlanEnrollmentDocument,
} from '../src/plans/infra/plan-enrollment.schema';
import { MongoPlanEnrollmentRepository } from '../src/plans/infra/mongo-plan-enrollment.repository';
import { describePlanEnrollmentRepositoryContract } from '../src/testing/plan-enrollment-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<PlanEnrollmentDocument>(PLAN_ENROLLMENT_MODEL, PlanEnrollmentSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describePlanEnrollmentRepositoryContract('MongoPlanEnrollmentRepository', () => {
  const { model, relay } = database();
  const documents = asOutboxCollection(model);
  return {
    repository: new MongoPlanEnrollmentRepository(model, relay),
    outboxOf: async (id: string): Promise<OutboxEntry[]> =>
      (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
  };
});
