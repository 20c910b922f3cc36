import { Module } from '@nestjs/common';
import { CourseProgressStream, CoursesStream, EnrollmentsStream } from '@lms/contracts';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { LearningConfigModule } from './config/learning-config.module';
import { CoursesModule } from './courses/courses.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { MembershipsModule } from './memberships/memberships.module';

/** Learning (LE-*): courses, their catalog and enrollments; learning plans come next. */
@Module({
  imports: [
    LearningConfigModule,
    ServiceKitModule.forRoot({ serviceName: 'learning' }),
    MongoModule.forRoot({ dbName: 'learning' }),
    MessagingModule.forRoot({
      serviceName: 'learning',
      producedStreams: [CoursesStream, EnrollmentsStream, CourseProgressStream],
    }),
    MembershipsModule,
    CoursesModule,
    EnrollmentsModule,
  ],
})
export class AppModule {}
