import { InMemorySessionAttendanceRepository } from './in-memory-session-attendance.repository';
import { describeSessionAttendanceRepositoryContract } from './session-attendance-repository.contract';

describeSessionAttendanceRepositoryContract(
  'InMemorySessionAttendanceRepository',
  () => new InMemorySessionAttendanceRepository(),
);
