import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoScheduledSessionRepository } from './infra/mongo-scheduled-session.repository';
import { MongoSessionAttendanceRepository } from './infra/mongo-session-attendance.repository';
import { SCHEDULED_SESSION_MODEL, ScheduledSessionSchema } from './infra/scheduled-session.schema';
import { SESSION_ATTENDANCE_MODEL, SessionAttendanceSchema } from './infra/session-attendance.schema';
import { SCHEDULED_SESSION_REPOSITORY } from './ports/scheduled-session.repository';
import { SESSION_ATTENDANCE_REPOSITORY } from './ports/session-attendance.repository';
import { ProjectSessionAttendanceUseCase } from './use-cases/project-session-attendance.use-case';

/**
 * The sessions of instructor-led courses (projection of learning's sessions stream) and who
 * attends them (projection of its enrollments stream), for the mails about sessions (NO-1).
 */
@Module({
  providers: [
    mongoModel(SESSION_ATTENDANCE_MODEL, SessionAttendanceSchema),
    { provide: SESSION_ATTENDANCE_REPOSITORY, useClass: MongoSessionAttendanceRepository },
    mongoModel(SCHEDULED_SESSION_MODEL, ScheduledSessionSchema),
    { provide: SCHEDULED_SESSION_REPOSITORY, useClass: MongoScheduledSessionRepository },
    ProjectSessionAttendanceUseCase,
  ],
  exports: [SESSION_ATTENDANCE_REPOSITORY, SCHEDULED_SESSION_REPOSITORY, ProjectSessionAttendanceUseCase],
})
export class SessionsModule {}
