import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AssignmentsStream, GroupAssignmentsStream, RecommendationsStream } from '@lms/contracts';
import { JobsModule } from '@lms/jobs';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { ArtifactsModule } from './artifacts/artifacts.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { COACHING_CONFIG, type CoachingConfig } from './config/coaching.config';
import { CoachingConfigModule } from './config/coaching-config.module';
import { CoursesModule } from './courses/courses.module';
import { DiscussionsModule } from './discussions/discussions.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { MembershipsModule } from './memberships/memberships.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';

export const SERVICE_NAME = 'coaching';

@Module({
  imports: [
    CoachingConfigModule,
    ScheduleModule.forRoot(),
    ServiceKitModule.forRoot({ serviceName: SERVICE_NAME }),
    MongoModule.forRoot({ dbName: SERVICE_NAME }),
    MessagingModule.forRoot({
      serviceName: SERVICE_NAME,
      producedStreams: [GroupAssignmentsStream, AssignmentsStream, RecommendationsStream],
    }),
    JobsModule.forRoot({
      inject: [COACHING_CONFIG],
      useFactory: (config: CoachingConfig) => config.jobs,
    }),
    MembershipsModule,
    UsersModule,
    TenantsModule,
    AssignmentsModule,
    DiscussionsModule,
    ArtifactsModule,
    EvaluationsModule,
    CoursesModule,
    EnrollmentsModule,
    RecommendationsModule,
  ],
})
export class AppModule {}
