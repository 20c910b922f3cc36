import { modelInTestDatabase } from '@lms/service-testing';
import { MongoSessionAttendanceRepository } from '../src/sessions/infra/mongo-session-attendance.repository';
import {
  SESSION_ATTENDANCE_MODEL,
  SessionAttendanceSchema,
  type SessionAttendanceDocument,
} from '../src/sessions/infra/session-attendance.schema';
import { describeSessionAttendanceRepositoryContract } from '../src/testing/session-attendance-repository.contract';

const database = modelInTestDatabase<SessionAttendanceDocument>(
  'notifications',
  SESSION_ATTENDANCE_MODEL,
  SessionAttendanceSchema,
);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeSessionAttendanceRepositoryContract(
  'MongoSessionAttendanceRepository',
  () => new MongoSessionAttendanceRepository(database().model),
);
