import { asOutboxCollection, type OutboxEntry } from '@lms/messaging';
import { modelInTestDatabase } from '@lms/service-testing';
import {
  COACH_FILTER_INDEX_MODEL,
  COACH_PROFILE_MODEL,
  CoachFilterIndexSchema,
  CoachProfileSchema,
} from '../src/coach-profiles/infra/coach-profile.schema';
import { MongoCoachProfileRepository } from '../src/coach-profiles/infra/mongo-coach-profile.repository';
import { describeCoachProfileRepositoryContract } from '../src/testing/coach-profile-repository.contract';

const profiles = modelInTestDatabase('identity', COACH_PROFILE_MODEL, CoachProfileSchema);
const index = modelInTestDatabase('identity', COACH_FILTER_INDEX_MODEL, CoachFilterIndexSchema);

describeCoachProfileRepositoryContract('MongoCoachProfileRepository', () => {
  const { model, relay } = profiles();
  const documents = asOutboxCollection(model);
  return {
    repository: new MongoCoachProfileRepository(model, index().model, relay),
    outboxOf: async (id: string): Promise<OutboxEntry[]> =>
      (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
  };
});
