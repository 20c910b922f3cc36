import mongoose, { type Connection, type Model, type Schema } from 'mongoose';
import {
  asOutboxCollection,
  brokersFromEnv,
  createKafka,
  EventProducer,
  OutboxRelay,
  type OutboxEntry,
} from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { isolateTestEnvironment } from '@lms/service-testing';
import type {
  MakeRepositoryUnderContract,
  RepositoryUnderContract,
} from '../../src/testing/repository-under-contract';

const logger = createLogger('identity-repository-test', { level: 'silent' });

/**
 * The relay of the repositories under test: it publishes nothing, so that the outbox entries
 * stay in the document where the write stored them, for the test to read.
 */
class HeldOutboxRelay extends OutboxRelay {
  constructor() {
    super(
      new EventProducer(
        createKafka({ brokers: brokersFromEnv(process.env), clientId: 'identity-repository-test' }, logger),
      ),
      logger,
    );
  }

  override publishSoon(): void {
    // Held: the entries stay in their document.
  }
}

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
  const { dbName } = isolateTestEnvironment('identity');
  let connection: Connection | undefined;
  let subject: RepositoryUnderContract<R> | undefined;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
      .asPromise();
    const model = connection.model<T>(name, schema);
    await model.createIndexes();
    const documents = asOutboxCollection(model);
    subject = {
      repository: make(model, new HeldOutboxRelay()),
      outboxOf: async (id: string): Promise<OutboxEntry[]> =>
        (await documents.findOne({ _id: id }, { projection: { outbox: 1 } }))?.outbox ?? [],
    };
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  return () => {
    if (!subject) throw new Error('The test database is not ready yet');
    return subject;
  };
}
