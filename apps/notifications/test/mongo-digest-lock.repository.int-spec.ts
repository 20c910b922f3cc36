import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import {
  DIGEST_LOCK_MODEL,
  DigestLockSchema,
  type DigestLockDocument,
} from '../src/deliveries/infra/digest-lock.schema';
import { MongoDigestLockRepository } from '../src/deliveries/infra/mongo-digest-lock.repository';
import { describeDigestLockRepositoryContract } from '../src/testing/digest-lock-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoDigestLockRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<DigestLockDocument>(DIGEST_LOCK_MODEL, DigestLockSchema);
  await model.createIndexes();
  repository = new MongoDigestLockRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describeDigestLockRepositoryContract('MongoDigestLockRepository', () => repository);
