import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoScheduledSessionRepository } from './infra/mongo-scheduled-session.repository';
import { MongoSessionAttendanceRepository } from './infra/mongo-session-attendance.repository';
import { SCHEDULED_SESSION_MODEL, ScheduledSessionSchema } from './infra/scheduled-session.schema';
import { SESSION_ATTENDANCE_MODEL, SessionAttendanceSchema } from './infra/session-attendance.schema';
import { SCHEDULED_SESSION_REPOSITORY } from './ports/scheduled-session.repository';
import { SESSION_ATTENDANCE_REPOSITORY } from './ports/session-attendance.repository';
import { ProjectSessionAttendanceUseCase } from './use-cases/project-session-attendance.use-case';
import { SessionAudiences } from './use-cases/session-audiences';
import { COURSE_INSTRUCTOR_MODEL, CourseInstructorSchema } from './infra/course-instructor.schema';
import { MongoCourseInstructorRepository } from './infra/mongo-course-instructor.repository';
import { COURSE_INSTRUCTOR_REPOSITORY } from './ports/course-instructor.repository';

/**
 * The sessions of instructor-led courses (projection of learning's sessions stream) and who
 * attends them (projection of its enrollments stream) and who teaches their courses (projection
 * of its course-roles stream), for the mails about sessions (NO-1).
 */
@Module({
  providers: [
    mongoModel(SESSION_ATTENDANCE_MODEL, SessionAttendanceSchema),
    { provide: SESSION_ATTENDANCE_REPOSITORY, useClass: MongoSessionAttendanceRepository },
    mongoModel(SCHEDULED_SESSION_MODEL, ScheduledSessionSchema),
    { provide: SCHEDULED_SESSION_REPOSITORY, useClass: MongoScheduledSessionRepository },
    mongoModel(COURSE_INSTRUCTOR_MODEL, CourseInstructorSchema),
    { provide: COURSE_INSTRUCTOR_REPOSITORY, useClass: MongoCourseInstructorRepository },
    ProjectSessionAttendanceUseCase,
    SessionAudiences,
  ],
  exports: [
    SESSION_ATTENDANCE_REPOSITORY,
    SCHEDULED_SESSION_REPOSITORY,
    COURSE_INSTRUCTOR_REPOSITORY,
    ProjectSessionAttendanceUseCase,
    SessionAudiences,
  ],
})
export class SessionsModule {}
