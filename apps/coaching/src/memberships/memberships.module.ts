import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import {
  MEMBERSHIP_PROJECTION_MODEL,
  MembershipProjectionSchema,
} from './infra/membership-projection.schema';
import { MongoMembershipProjectionRepository } from './infra/mongo-membership-projection.repository';
import { MEMBERSHIP_PROJECTION_REPOSITORY } from './ports/membership-projection.repository';

/** The group memberships projection (identity's events are handled by the assignments feature). */
@Module({
  providers: [
    mongoModel(MEMBERSHIP_PROJECTION_MODEL, MembershipProjectionSchema),
    { provide: MEMBERSHIP_PROJECTION_REPOSITORY, useClass: MongoMembershipProjectionRepository },
  ],
  exports: [MEMBERSHIP_PROJECTION_REPOSITORY],
})
export class MembershipsModule {}
