import { Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@lms/service-kit';
import {
  MEMBERSHIP_PROJECTION_MODEL,
  MembershipProjectionSchema,
} from './infra/membership-projection.schema';
import {
  MEMBERSHIP_PROJECTION_MODEL_TOKEN,
  MongoMembershipProjectionRepository,
} from './infra/mongo-membership-projection.repository';
import { MEMBERSHIP_PROJECTION_REPOSITORY } from './ports/membership-projection.repository';

/** The group memberships projection (identity's events are handled by the assignments feature). */
@Module({
  providers: [
    {
      provide: MEMBERSHIP_PROJECTION_MODEL_TOKEN,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) =>
        connection.model(MEMBERSHIP_PROJECTION_MODEL, MembershipProjectionSchema),
    },
    { provide: MEMBERSHIP_PROJECTION_REPOSITORY, useClass: MongoMembershipProjectionRepository },
  ],
  exports: [MEMBERSHIP_PROJECTION_REPOSITORY],
})
export class MembershipsModule {}
