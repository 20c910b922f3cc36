import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupMembershipsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import { ApplyMembershipEventUseCase } from './use-cases/apply-membership-event.use-case';

type MembershipEvents = typeof GroupMembershipsStream.events;

/** Kafka adapter: identity's membership events update the projection and drive derived assignments (CO-A11). */
@Controller()
export class MembershipEventsConsumer {
  constructor(private readonly applyMembershipEvent: ApplyMembershipEventUseCase) {}

  @OnEvent(GroupMembershipsStream, 'membership.added')
  async onAdded(@Payload() event: EnvelopeOf<MembershipEvents, 'membership.added'>): Promise<void> {
    await this.applyActive(event);
  }

  @OnEvent(GroupMembershipsStream, 'membership.roles-changed')
  async onRolesChanged(
    @Payload() event: EnvelopeOf<MembershipEvents, 'membership.roles-changed'>,
  ): Promise<void> {
    await this.applyActive(event);
  }

  @OnEvent(GroupMembershipsStream, 'membership.removed')
  async onRemoved(@Payload() event: EnvelopeOf<MembershipEvents, 'membership.removed'>): Promise<void> {
    await this.applyMembershipEvent.execute({
      tenantId: event.tenantId,
      groupId: event.payload.groupId,
      userId: event.payload.userId,
      status: 'removed',
      roles: null,
      version: event.aggregateVersion,
      occurredAt: event.occurredAt,
    });
  }

  /** Both events carry the membership's full state: it is active with these roles. */
  private async applyActive(
    event: EnvelopeOf<MembershipEvents, 'membership.added' | 'membership.roles-changed'>,
  ): Promise<void> {
    await this.applyMembershipEvent.execute({
      tenantId: event.tenantId,
      groupId: event.payload.groupId,
      userId: event.payload.userId,
      status: 'active',
      roles: event.payload.roles,
      version: event.aggregateVersion,
      occurredAt: event.occurredAt,
    });
  }
}
