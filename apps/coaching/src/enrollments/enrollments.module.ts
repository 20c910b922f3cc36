import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { EnrollmentEventsConsumer } from './enrollment-events.consumer';
import { LEARNER_ENROLLMENT_MODEL, LearnerEnrollmentSchema } from './infra/learner-enrollment.schema';
import { MongoLearnerEnrollmentRepository } from './infra/mongo-learner-enrollment.repository';
import { LEARNER_ENROLLMENT_REPOSITORY } from './ports/learner-enrollment.repository';
import { ApplyEnrollmentEventsUseCase } from './use-cases/apply-enrollment-events.use-case';

/**
 * Coaching's projection of learning's enrollments, fed by the enrollments stream: whether a
 * mentee enrolled in and completed a course its coach recommended (CO-W4).
 */
@Module({
  controllers: [EnrollmentEventsConsumer],
  providers: [
    mongoModel(LEARNER_ENROLLMENT_MODEL, LearnerEnrollmentSchema),
    { provide: LEARNER_ENROLLMENT_REPOSITORY, useClass: MongoLearnerEnrollmentRepository },
    ApplyEnrollmentEventsUseCase,
  ],
  exports: [LEARNER_ENROLLMENT_REPOSITORY],
})
export class EnrollmentsModule {}
