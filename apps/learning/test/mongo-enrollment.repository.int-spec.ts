import { asOutboxCollection, type OutboxEntry } from '@lms/messaging';
import {
  ENROLLMENT_MODEL,
  EnrollmentSchema,
  type EnrollmentDocument,
} from '../src/enrollments/infra/enrollment.schema';
import { MongoEnrollmentRepository } from '../src/enrollments/infra/mongo-enrollment.repository';
import { describeEnrollmentRepositoryContract } from '../src/testing/enrollment-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<EnrollmentDocument>(ENROLLMENT_MODEL, EnrollmentSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeEnrollmentRepositoryContract('MongoEnrollmentRepository', () => {
  const { model, relay } = database();
  const documents = asOutboxCollection(model);
  return {
    repository: new MongoEnrollmentRepository(model, relay),
    outboxOf: async (id: string): Promise<OutboxEntry[]> =>
      (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
  };
});
