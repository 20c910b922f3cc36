import { ArrayMaxSize, IsArray, IsObject, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

/** One learner-access filter of a coach (ID-C3): a custom field and the exact value it must hold. */
export class CoachFilterV1 {
  @IsString() @Length(1, 100) field!: string;
  @IsString() @Length(1, 100) value!: string;
}

/** Full state of a coach profile (ID-C1): its two linked accounts, role names and filters. */
export class CoachProfileStateV1 {
  /** The coach's manager account: the profile's key. */
  @IsUUID() coachId!: string;
  @IsUUID() learnerUserId!: string;
  @IsString() @Length(1, 100) roleLearnerManager!: string;
  @IsString() @Length(1, 100) roleCoach!: string;
  /** Several filters on one field admit any of their values; filters on different fields all apply. */
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  filters!: CoachFilterV1[];
}

export class CoachProfileCreatedV1 extends CoachProfileStateV1 {}
export class CoachProfileUpdatedV1 extends CoachProfileStateV1 {}

/** The profile is gone, and with it the coach's whole population. */
export class CoachProfileDeletedV1 {
  @IsUUID() coachId!: string;
}

/** A learner entered (`member-added`) or left (`member-removed`) a coach's population (ID-C3). */
export class CoachPopulationMemberV1 {
  @IsUUID() coachId!: string;
  @IsUUID() userId!: string;
}

/** The aggregate id of one population member: one per coach and user within a tenant. */
export function coachPopulationMemberAggregateId(coachId: string, userId: string): string {
  return `${coachId}:${userId}`;
}

/**
 * Coach profiles and their populations (ID-C1, ID-C3), for coaching (CO-W5). Keyed by the
 * coach, so that a consumer sees a coach's profile and population changes in order.
 */
export const CoachProfilesStream = defineStream({
  topic: 'identity.coach-profiles.v1',
  partitions: 6,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId.split(':')[0]}`,
  events: {
    'coach-profile.created': CoachProfileCreatedV1,
    'coach-profile.updated': CoachProfileUpdatedV1,
    'coach-profile.deleted': CoachProfileDeletedV1,
    'coach-population.member-added': CoachPopulationMemberV1,
    'coach-population.member-removed': CoachPopulationMemberV1,
  },
});
