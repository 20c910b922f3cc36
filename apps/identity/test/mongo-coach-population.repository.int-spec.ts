import { asOutboxCollection, type OutboxEntry } from '@lms/messaging';
import { modelInTestDatabase } from '@lms/service-testing';
import {
  POPULATION_MEMBER_MODEL,
  POPULATION_USER_MODEL,
  PopulationMemberSchema,
  PopulationUserSchema,
} from '../src/coach-profiles/infra/coach-population.schema';
import { MongoCoachPopulationRepository } from '../src/coach-profiles/infra/mongo-coach-population.repository';
import { describeCoachPopulationRepositoryContract } from '../src/testing/coach-population-repository.contract';

const members = modelInTestDatabase('identity', POPULATION_MEMBER_MODEL, PopulationMemberSchema);
const users = modelInTestDatabase('identity', POPULATION_USER_MODEL, PopulationUserSchema);

describeCoachPopulationRepositoryContract('MongoCoachPopulationRepository', () => {
  const { model, relay } = members();
  const documents = asOutboxCollection(model);
  return {
    repository: new MongoCoachPopulationRepository(model, users().model, relay),
    outboxOf: async (id: string): Promise<OutboxEntry[]> =>
      (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
  };
});
