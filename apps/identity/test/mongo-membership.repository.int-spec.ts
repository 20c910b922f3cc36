import mongoose, { type Connection } from 'mongoose';
import { brokersFromEnv, createKafka, EventProducer, OutboxRelay } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { isolateTestEnvironment } from '@lms/service-testing';
import { membershipRepositoryContract } from '../../testing/membership-repository.contract';
import { membershipModel } from './membership.schema';
import { MongoMembershipRepository } from './mongo-membership.repository';

const { dbName } = isolateTestEnvironment('identity');

describe('MongoMembershipRepository against the real database', () => {
  let connection: Connection;
  let producer: EventProducer;
  let relay: OutboxRelay;
  let repository: MongoMembershipRepository;

  beforeAll(async () => {
    const logger = createLogger('identity-it');
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
      .asPromise();
    const model = membershipModel(connection);
    await model.createIndexes();
    producer = new EventProducer(
      createKafka({ brokers: brokersFromEnv(process.env), clientId: 'identity-it' }, logger),
    );
    relay = new OutboxRelay(producer, logger);
    repository = new MongoMembershipRepository(model, relay);
  });

  afterAll(async () => {
    await relay?.stop();
    await producer?.disconnect();
    await connection?.dropDatabase();
    await connection?.close();
  });

  membershipRepositoryContract('MongoMembershipRepository', () => repository);
});
