import { Module } from '@nestjs/common';
import {
  CourseProgressStream,
  CourseRolesStream,
  CourseSessionsStream,
  CoursesStream,
  EnrollmentsStream,
  PlanEnrollmentsStream,
} from '@lms/contracts';
import { JobsModule } from '@lms/jobs';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { LearningConfigModule } from './config/learning-config.module';
import { LEARNING_CONFIG, type LearningConfig } from './config/learning.config';
import { CoursesModule } from './courses/courses.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { GroupEnrollmentsModule } from './group-enrollments/group-enrollments.module';
import { MembershipsModule } from './memberships/memberships.module';
import { PlansModule } from './plans/plans.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { UsersModule } from './users/users.module';

/** Learning (LE-*): courses, their catalog, enrollments, learning plans and group enrollments. */
@Module({
  imports: [
    LearningConfigModule,
    ServiceKitModule.forRoot({ serviceName: 'learning' }),
    MongoModule.forRoot({ dbName: 'learning' }),
    MessagingModule.forRoot({
      serviceName: 'learning',
      producedStreams: [
        CoursesStream,
        CourseRolesStream,
        CourseSessionsStream,
        EnrollmentsStream,
        CourseProgressStream,
        PlanEnrollmentsStream,
      ],
    }),
    JobsModule.forRoot({
      inject: [LEARNING_CONFIG],
      useFactory: (config: LearningConfig) => config.jobs,
    }),
    MembershipsModule,
    CoursesModule,
    UsersModule,
    EnrollmentsModule,
    PlansModule,
    GroupEnrollmentsModule,
    RecommendationsModule,
  ],
})
export class AppModule {}
