import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import { MongoRecipientRepository } from '../src/recipients/infra/mongo-recipient.repository';
import {
  RECIPIENT_MODEL,
  RecipientSchema,
  type RecipientDocument,
} from '../src/recipients/infra/recipient.schema';
import { describeRecipientRepositoryContract } from '../src/testing/recipient-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoRecipientRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<RecipientDocument>(RECIPIENT_MODEL, RecipientSchema);
  await model.createIndexes();
  repository = new MongoRecipientRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describeRecipientRepositoryContract('MongoRecipientRepository', () => repository);
