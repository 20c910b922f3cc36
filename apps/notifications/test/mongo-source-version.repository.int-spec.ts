import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import {
  ASSIGNMENT_VERSION_MODEL,
  AssignmentVersionSchema,
  type AssignmentVersionDocument,
} from '../src/deliveries/infra/assignment-version.schema';
import { MongoAssignmentVersionRepository } from '../src/deliveries/infra/mongo-assignment-version.repository';
import { describeAssignmentVersionRepositoryContract } from '../src/testing/assignment-version-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoAssignmentVersionRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<AssignmentVersionDocument>(
    ASSIGNMENT_VERSION_MODEL,
    AssignmentVersionSchema,
  );
  await model.createIndexes();
  repository = new MongoAssignmentVersionRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describeAssignmentVersionRepositoryContract('MongoAssignmentVersionRepository', () => repository);
