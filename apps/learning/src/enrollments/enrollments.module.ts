import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { CoursesModule } from '../courses/courses.module';
import { ManagersModule } from '../managers/managers.module';
import { UsersModule } from '../users/users.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { EnrollmentsController } from './enrollments.controller';
import { ENROLLMENT_MODEL, EnrollmentSchema } from './infra/enrollment.schema';
import { MongoEnrollmentRepository } from './infra/mongo-enrollment.repository';
import { MongoSessionSeatsRepository } from './infra/mongo-session-seats.repository';
import { SESSION_SEATS_MODEL, SessionSeatsSchema } from './infra/session-seats.schema';
import { MyCoursesController } from './my-courses.controller';
import { SessionAttendanceController } from './session-attendance.controller';
import { ENROLLMENT_REPOSITORY } from './ports/enrollment.repository';
import { SESSION_SEATS_REPOSITORY } from './ports/session-seats.repository';
import { ChangeEnrollmentStateUseCase } from './use-cases/change-enrollment-state.use-case';
import { CreateEnrollmentUseCase } from './use-cases/create-enrollment.use-case';
import { LearnerReaches } from './use-cases/learner-reaches';
import { DeleteEnrollmentUseCase } from './use-cases/delete-enrollment.use-case';
import { GetEnrollmentUseCase } from './use-cases/get-enrollment.use-case';
import { ListEnrollmentsUseCase } from './use-cases/list-enrollments.use-case';
import { ListMyCoursesUseCase } from './use-cases/list-my-courses.use-case';
import { ListSessionAttendanceUseCase } from './use-cases/list-session-attendance.use-case';
import { MarkAttendanceUseCase } from './use-cases/mark-attendance.use-case';
import { RecordProgressUseCase } from './use-cases/record-progress.use-case';
import { SessionSeatKeeper } from './use-cases/session-seat-keeper';

/**
 * Enrollments (LE-E1..LE-E4): learners in published courses, in a session of an instructor-led
 * one, in the seven states of seed 004; the course's policy and the sessions' seats decide the
 * first state; progress, attendance (marked by instructors) and administrators the next ones.
 * Every change publishes the enrollments stream; a learner's first opening of a course the
 * course-progress stream. Who may enroll whom (LE-E3) comes from the projections of manager
 * relations and of power users' scopes and profiles.
 */
@Module({
  imports: [CoursesModule, MembershipsModule, ManagersModule, UsersModule],
  controllers: [EnrollmentsController, MyCoursesController, SessionAttendanceController],
  providers: [
    mongoModel(ENROLLMENT_MODEL, EnrollmentSchema),
    mongoModel(SESSION_SEATS_MODEL, SessionSeatsSchema),
    { provide: ENROLLMENT_REPOSITORY, useClass: MongoEnrollmentRepository },
    { provide: SESSION_SEATS_REPOSITORY, useClass: MongoSessionSeatsRepository },
    SessionSeatKeeper,
    LearnerReaches,
    CreateEnrollmentUseCase,
    GetEnrollmentUseCase,
    ListEnrollmentsUseCase,
    ChangeEnrollmentStateUseCase,
    DeleteEnrollmentUseCase,
    RecordProgressUseCase,
    ListMyCoursesUseCase,
    MarkAttendanceUseCase,
    ListSessionAttendanceUseCase,
  ],
  exports: [ENROLLMENT_REPOSITORY, CreateEnrollmentUseCase, LearnerReaches],
})
export class EnrollmentsModule {}
