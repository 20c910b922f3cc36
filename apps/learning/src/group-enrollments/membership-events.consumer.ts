import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupMembershipsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { GroupMembershipChange } from './domain/group-membership';
import { ApplyMembershipEventsUseCase } from './use-cases/apply-membership-events.use-case';

type MembershipEvents = typeof GroupMembershipsStream.events;
type MembershipEvent =
  | EnvelopeOf<MembershipEvents, 'membership.added'>
  | EnvelopeOf<MembershipEvents, 'membership.roles-changed'>
  | EnvelopeOf<MembershipEvents, 'membership.removed'>;

/** Kafka adapter: identity's membership events, in batches (rule 8), keep the projection of groups. */
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
