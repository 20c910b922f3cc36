import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupMembershipsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { GroupMembershipChange } from '../memberships/domain/group-membership';
import { ApplyMembershipEventsUseCase } from '../memberships/use-cases/apply-membership-events.use-case';
import { FollowGroupMembershipsUseCase } from './use-cases/follow-group-memberships.use-case';

type MembershipEvents = typeof GroupMembershipsStream.events;
type MembershipEvent =
  | EnvelopeOf<MembershipEvents, 'membership.added'>
  | EnvelopeOf<MembershipEvents, 'membership.roles-changed'>
  | EnvelopeOf<MembershipEvents, 'membership.removed'>;

/**
 * Kafka adapter: identity's membership events, in batches (rule 8), keep the projection of
 * groups; then the group enrollments of the groups they touch follow them (LE-G1). The
 * projection is written first, so that a group enrollment created meanwhile finds the member
 * in it, or is found here.
 */
@Controller()
export class MembershipEventsConsumer {
  constructor(
    private readonly applyMembershipEvents: ApplyMembershipEventsUseCase,
    private readonly followGroupMemberships: FollowGroupMembershipsUseCase,
  ) {}

  @OnEventBatch(GroupMembershipsStream, [
    'membership.added',
    'membership.roles-changed',
    'membership.removed',
  ])
  async onMembershipEvents(@Payload() events: MembershipEvent[]): Promise<void> {
    const changes = events.map(toChange);
    const outcomes = await this.applyMembershipEvents.execute(changes);
    await this.followGroupMemberships.execute(changes, outcomes);
  }
}

/** Added and roles-changed leave the user a member with the roles they carry; removed does not. */
function toChange(event: MembershipEvent): GroupMembershipChange {
  return {
    tenantId: event.tenantId,
    groupId: event.payload.groupId,
    userId: event.payload.userId,
    active: event.type !== 'membership.removed',
    roles: event.type === 'membership.removed' ? [] : [...event.payload.roles],
    version: event.aggregateVersion,
    updatedAt: new Date(event.occurredAt),
  };
}
