import { Module } from '@nestjs/common';
import {
  CourseProgressStream,
  CourseRolesStream,
  CoursesStream,
  EnrollmentsStream,
  PlanEnrollmentsStream,
} from '@lms/contracts';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { LearningConfigModule } from './config/learning-config.module';
import { CoursesModule } from './courses/courses.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { MembershipsModule } from './memberships/memberships.module';
import { PlansModule } from './plans/plans.module';

/** Learning (LE-*): courses, their catalog, enrollments and learning plans. */
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
        EnrollmentsStream,
        CourseProgressStream,
        PlanEnrollmentsStream,
      ],
    }),
    MembershipsModule,
    CoursesModule,
    EnrollmentsModule,
    PlansModule,
  ],
})
export class AppModule {}
