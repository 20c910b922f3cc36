import mongoose, { type Connection } from 'mongoose';
import { uniqueSuffix } from '@lms/testing';
import { MongoJobStore } from '../src';
import { jobStoreContract } from '../src/testing/job-store.contract';

describe('MongoJobStore against the database', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI as string, { dbName: `jobs-it-${uniqueSuffix()}` })
      .asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  jobStoreContract('MongoJobStore', async () => {
    const store = new MongoJobStore(connection.db!);
    await store.ensureIndexes();
    return store;
  });
});
