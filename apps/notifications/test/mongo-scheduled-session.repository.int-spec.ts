import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import { MongoScheduledSessionRepository } from '../src/sessions/infra/mongo-scheduled-session.repository';
import {
  SCHEDULED_SESSION_MODEL,
  ScheduledSessionSchema,
  type ScheduledSessionDocument,
} from '../src/sessions/infra/scheduled-session.schema';
import { describeScheduledSessionRepositoryContract } from '../src/testing/scheduled-session-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoScheduledSessionRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<ScheduledSessionDocument>(SCHEDULED_SESSION_MODEL, ScheduledSessionSchema);
  await model.createIndexes();
  repository = new MongoScheduledSessionRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describeScheduledSessionRepositoryContract('MongoScheduledSessionRepository', () => repository);
