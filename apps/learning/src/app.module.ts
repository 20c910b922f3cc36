import { Module } from '@nestjs/common';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { LearningConfigModule } from './config/learning-config.module';
import { CoursesModule } from './courses/courses.module';

/** Learning (LE-*): courses for now; enrollments, plans and their events come next. */
@Module({
  imports: [
    LearningConfigModule,
    ServiceKitModule.forRoot({ serviceName: 'learning' }),
    MongoModule.forRoot({ dbName: 'learning' }),
    MessagingModule.forRoot({ serviceName: 'learning', producedStreams: [] }),
    CoursesModule,
  ],
})
export class AppModule {}
