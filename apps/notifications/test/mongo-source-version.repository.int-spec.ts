import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import {
  SOURCE_VERSION_MODEL,
  SourceVersionSchema,
  type SourceVersionDocument,
} from '../src/deliveries/infra/source-version.schema';
import { MongoSourceVersionRepository } from '../src/deliveries/infra/mongo-source-version.repository';
import { describeSourceVersionRepositoryContract } from '../src/testing/source-version-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoSourceVersionRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<SourceVersionDocument>(SOURCE_VERSION_MODEL, SourceVersionSchema);
  await model.createIndexes();
  repository = new MongoSourceVersionRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describeSourceVersionRepositoryContract('MongoSourceVersionRepository', () => repository);
