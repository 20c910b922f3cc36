import { Module } from '@nestjs/common';
import { CoursesStream } from '@lms/contracts';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { LearningConfigModule } from './config/learning-config.module';
import { CoursesModule } from './courses/courses.module';
import { MembershipsModule } from './memberships/memberships.module';

/** Learning (LE-*): courses and their catalog for now; enrollments and plans come next. */
@Module({
  imports: [
    LearningConfigModule,
    ServiceKitModule.forRoot({ serviceName: 'learning' }),
    MongoModule.forRoot({ dbName: 'learning' }),
    MessagingModule.forRoot({ serviceName: 'learning', producedStreams: [CoursesStream] }),
    MembershipsModule,
    CoursesModule,
  ],
})
export class AppModule {}
