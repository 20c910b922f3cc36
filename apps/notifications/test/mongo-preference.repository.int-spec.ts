import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import { MongoPreferenceRepository } from '../src/preferences/infra/mongo-preference.repository';
import {
  PREFERENCE_MODEL,
  PreferenceSchema,
  type PreferenceDocument,
} from '../src/preferences/infra/preference.schema';
import { describePreferenceRepositoryContract } from '../src/testing/preference-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoPreferenceRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<PreferenceDocument>(PREFERENCE_MODEL, PreferenceSchema);
  await model.createIndexes();
  repository = new MongoPreferenceRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describePreferenceRepositoryContract('MongoPreferenceRepository', () => repository);
