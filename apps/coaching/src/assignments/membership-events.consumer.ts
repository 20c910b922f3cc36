import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupMembershipsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { MembershipChange } from '../memberships/domain/membership';
import { ApplyMembershipEventsUseCase } from './use-cases/apply-membership-events.use-case';

type MembershipEvents = typeof GroupMembershipsStream.events;
type MembershipEvent =
  | EnvelopeOf<MembershipEvents, 'membership.added'>
  | EnvelopeOf<MembershipEvents, 'membership.roles-changed'>
  | EnvelopeOf<MembershipEvents, 'membership.removed'>;

/**
 * Kafka adapter: identity's membership events, in batches (rule 8), update the projection and
 * drive derived assignments (CO-A11).
 */
@Controller()
export class MembershipEventsConsumer {
  constructor(private readonly applyMembershipEvents: ApplyMembershipEventsUseCase) {}

  @OnEventBatch(GroupMembershipsStream, [
    'membership.added',
    'membership.roles-changed',
    'membership.removed',
  ])
  async onMembershipEvents(@Payload() events: MembershipEvent[]): Promise<void> {
    await this.applyMembershipEvents.execute(events.map(toChange));
  }
}

function toChange(event: MembershipEvent): MembershipChange {
  const common = {
    tenantId: event.tenantId,
    groupId: event.payload.groupId,
    userId: event.payload.userId,
    version: event.aggregateVersion,
    occurredAt: new Date(event.occurredAt),
  };
  // membership.added and membership.roles-changed carry the membership's full state: it is
  // active with these roles. A removal keeps the last known roles.
  return event.type === 'membership.removed'
    ? { ...common, status: 'removed', roles: null }
    : { ...common, status: 'active', roles: event.payload.roles };
}
