import {
  coachPopulationMemberAggregateId,
  CoachProfilesStream,
  type CoachProfileStateV1,
} from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { CoachProfile } from './domain/coach-profile';
import type { PopulationMember } from './domain/population-member';

/** `coach-profile.created` or `.updated` with the profile's full state, for its outbox. */
export function coachProfileDefinedEvent(
  events: EventFactory,
  profile: CoachProfile,
  type: 'coach-profile.created' | 'coach-profile.updated',
): OutboxEntry {
  return events.create(CoachProfilesStream, type, {
    tenantId: profile.tenantId,
    aggregateId: profile.id,
    aggregateVersion: profile.version,
    occurredAt: profile.updatedAt,
    payload: coachProfileStateOf(profile),
  });
}

/** `coach-profile.deleted`: the coach's population is gone with it. */
export function coachProfileDeletedEvent(events: EventFactory, profile: CoachProfile): OutboxEntry {
  return events.create(CoachProfilesStream, 'coach-profile.deleted', {
    tenantId: profile.tenantId,
    aggregateId: profile.id,
    aggregateVersion: profile.version,
    occurredAt: profile.deletedAt ?? profile.updatedAt,
    payload: { coachId: profile.id },
  });
}

/** `coach-population.member-added` or `.member-removed`, for the member's outbox. */
export function populationMemberEvent(events: EventFactory, member: PopulationMember): OutboxEntry {
  const type =
    member.status === 'member' ? 'coach-population.member-added' : 'coach-population.member-removed';
  return events.create(CoachProfilesStream, type, {
    tenantId: member.tenantId,
    aggregateId: coachPopulationMemberAggregateId(member.coachId, member.userId),
    aggregateVersion: member.version,
    occurredAt: member.updatedAt,
    payload: { coachId: member.coachId, userId: member.userId },
  });
}

export function coachProfileStateOf(profile: CoachProfile): CoachProfileStateV1 {
  return {
    coachId: profile.id,
    learnerUserId: profile.learnerUserId,
    roleLearnerManager: profile.roleLearnerManager,
    roleCoach: profile.roleCoach,
    filters: profile.filters.map(({ field, value }) => ({ field, value })),
  };
}
