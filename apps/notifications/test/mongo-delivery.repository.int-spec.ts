import mongoose, { type Connection } from 'mongoose';
import { DeliveriesStream } from '@lms/contracts';
import {
  brokersFromEnv,
  createKafka,
  ensureTopics,
  EventProducer,
  OutboxRelay,
  outboxCollectionsOf,
} from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { isolateTestEnvironment } from '@lms/service-testing';
import {
  DELIVERY_MODEL,
  DeliverySchema,
  type DeliveryDocument,
} from '../src/deliveries/infra/delivery.schema';
import { MongoDeliveryRepository } from '../src/deliveries/infra/mongo-delivery.repository';
import {
  WAITING_RECIPIENT_MODEL,
  WaitingRecipientSchema,
  type WaitingRecipientDocument,
} from '../src/deliveries/infra/waiting-recipient.schema';
import { describeDeliveryRepositoryContract } from '../src/testing/delivery-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
const logger = createLogger('test');
let connection: Connection;
let producer: EventProducer;
let relay: OutboxRelay;
let repository: MongoDeliveryRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<DeliveryDocument>(DELIVERY_MODEL, DeliverySchema);
  await model.createIndexes();
  const waitingModel = connection.model<WaitingRecipientDocument>(
    WAITING_RECIPIENT_MODEL,
    WaitingRecipientSchema,
  );
  await waitingModel.createIndexes();
  const kafka = createKafka(
    { brokers: brokersFromEnv(process.env), clientId: 'notifications-repository-test' },
    logger,
  );
  await ensureTopics(kafka, { streams: [DeliveriesStream] });
  producer = new EventProducer(kafka);
  relay = new OutboxRelay(producer, logger);
  repository = new MongoDeliveryRepository(model, waitingModel, relay);
  // As the messaging module does at start-up: the sweeper watches every collection with an outbox.
  for (const collection of outboxCollectionsOf(connection)) relay.watch(collection);
});

afterAll(async () => {
  await relay?.stop();
  await producer?.disconnect();
  await connection?.dropDatabase();
  await connection?.close();
});

describeDeliveryRepositoryContract('MongoDeliveryRepository', () => repository);
