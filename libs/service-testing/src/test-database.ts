import mongoose, { type Connection, type Model, type Schema } from 'mongoose';
import { brokersFromEnv, createKafka, EventProducer, OutboxRelay } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { isolateTestEnvironment } from './service-app';

const logger = createLogger('repository-test', { level: 'silent' });

/**
 * The relay of repositories under test: it publishes nothing, so that the outbox entries stay
 * in the document where the write stored them, for the test to read.
 */
export class HeldOutboxRelay extends OutboxRelay {
  constructor() {
    super(
      new EventProducer(
        createKafka({ brokers: brokersFromEnv(process.env), clientId: 'repository-test' }, logger),
      ),
      logger,
    );
  }

  override publishSoon(): void {
    // Held: the entries stay in their document.
  }
}

/**
 * The model `name` in a database of the test file's own (for `service`) on `MONGODB_URI`,
 * with the schema's indexes, and a relay that holds what repositories write to the outbox.
 * The database is there before the file's tests and dropped after them; the function returned
 * gives both once it is.
 */
export function modelInTestDatabase<T>(
  service: string,
  name: string,
  schema: Schema<T>,
): () => { model: Model<T>; relay: OutboxRelay } {
  const { dbName } = isolateTestEnvironment(service);
  let connection: Connection | undefined;
  let made: { model: Model<T>; relay: OutboxRelay } | undefined;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
      .asPromise();
    const model = connection.model<T>(name, schema);
    await model.createIndexes();
    made = { model, relay: new HeldOutboxRelay() };
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  return () => {
    if (!made) throw new Error('The test database is not ready yet');
    return made;
  };
}
