import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import {
  CoachProfilesStream,
  GroupInvitationsStream,
  GroupMembershipsStream,
  GroupsStream,
  ImportsStream,
  OrganisationStream,
  TenantsStream,
  UsersStream,
} from '@lms/contracts';
import { JobsModule } from '@lms/jobs';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { AuthModule } from './auth/auth.module';
import { CoachProfilesModule } from './coach-profiles/coach-profiles.module';
import { IDENTITY_CONFIG, type IdentityConfig } from './config/identity.config';
import { IdentityConfigModule } from './config/identity-config.module';
import { GroupsModule } from './groups/groups.module';
import { ImportsModule } from './imports/imports.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MembershipsModule } from './memberships/memberships.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PermissionProfilesModule } from './permission-profiles/permission-profiles.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';

export const SERVICE_NAME = 'identity';

@Module({
  imports: [
    IdentityConfigModule,
    ServiceKitModule.forRoot({ serviceName: SERVICE_NAME }),
    MongoModule.forRoot({ dbName: SERVICE_NAME }),
    MessagingModule.forRoot({
      serviceName: SERVICE_NAME,
      producedStreams: [
        UsersStream,
        GroupsStream,
        GroupMembershipsStream,
        GroupInvitationsStream,
        TenantsStream,
        OrganisationStream,
        CoachProfilesStream,
        ImportsStream,
      ],
    }),
    JobsModule.forRoot({
      inject: [IDENTITY_CONFIG],
      useFactory: (config: IdentityConfig) => config.jobs,
    }),
    ScheduleModule.forRoot(),
    AuthModule,
    UsersModule,
    GroupsModule,
    MembershipsModule,
    InvitationsModule,
    PermissionProfilesModule,
    TenantsModule,
    CoachProfilesModule,
    OrganisationModule,
    ImportsModule,
  ],
})
export class AppModule {}
