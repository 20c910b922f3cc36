import type { Model, Schema } from 'mongoose';
import { asOutboxCollection, type OutboxEntry, type OutboxRelay } from '@lms/messaging';
import { modelInTestDatabase } from '@lms/service-testing';
import type {
  MakeRepositoryUnderContract,
  RepositoryUnderContract,
} from '../../src/testing/repository-under-contract';

/**
 * The repository `make` builds over the model `name`, in a database of the test file's own on
 * `MONGODB_URI` with the schema's indexes, and the outbox its documents store. The database
 * is there before the file's tests and dropped after them.
 */
export function mongoRepositoryUnderContract<T, R>(
  name: string,
  schema: Schema<T>,
  make: (model: Model<T>, relay: OutboxRelay) => R,
): MakeRepositoryUnderContract<R> {
  const database = modelInTestDatabase('identity', name, schema);
  let subject: RepositoryUnderContract<R> | undefined;

  return () => {
    if (!subject) {
      const { model, relay } = database();
      const documents = asOutboxCollection(model);
      subject = {
        repository: make(model, relay),
        outboxOf: async (id: string): Promise<OutboxEntry[]> =>
          (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
      };
    }
    return subject;
  };
}
