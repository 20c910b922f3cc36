import mongoose, { type Connection } from 'mongoose';
import { isolateTestEnvironment } from '@lms/service-testing';
import { MongoSessionAttendanceRepository } from '../src/sessions/infra/mongo-session-attendance.repository';
import {
  SESSION_ATTENDANCE_MODEL,
  SessionAttendanceSchema,
  type SessionAttendanceDocument,
} from '../src/sessions/infra/session-attendance.schema';
import { describeSessionAttendanceRepositoryContract } from '../src/testing/session-attendance-repository.contract';

const { dbName } = isolateTestEnvironment('notifications');
let connection: Connection;
let repository: MongoSessionAttendanceRepository;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? '', { dbName, sanitizeFilter: true, autoIndex: false })
    .asPromise();
  const model = connection.model<SessionAttendanceDocument>(
    SESSION_ATTENDANCE_MODEL,
    SessionAttendanceSchema,
  );
  await model.createIndexes();
  repository = new MongoSessionAttendanceRepository(model);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describeSessionAttendanceRepositoryContract('MongoSessionAttendanceRepository', () => repository);
