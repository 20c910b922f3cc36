import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupInvitationsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { INVITATION_EVENTS, type InvitationEventType } from './domain/invitation-deliveries';
import {
  HandleInvitationEventsUseCase,
  type InvitationEventCommand,
} from './use-cases/handle-invitation-events.use-case';

type InvitationEvent = EnvelopeOf<typeof GroupInvitationsStream.events, InvitationEventType>;

/**
 * Kafka adapter: an invitation to a group mails the invited address when made and at each
 * reminder (ID-G2, NO-1), in batches (rule 8). Accepted and revoked invitations are taken too,
 * and mail nobody: they only tell that older events of the invitation must not mail any more.
 */
@Controller()
export class GroupInvitationEventsConsumer {
  constructor(private readonly handleInvitationEvents: HandleInvitationEventsUseCase) {}

  @OnEventBatch(GroupInvitationsStream, [...INVITATION_EVENTS])
  async onInvitationEvents(@Payload() events: InvitationEvent[]): Promise<void> {
    await this.handleInvitationEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: InvitationEvent): InvitationEventCommand {
  const { payload } = event;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    invitation: {
      invitationId: payload.invitationId,
      groupId: payload.groupId,
      groupName: payload.groupName,
      email: payload.email,
      userId: payload.userId ?? null,
      roles: [...payload.roles],
      status: payload.status,
      invitedBy: payload.invitedBy ?? null,
      reminders: payload.reminders,
    },
  };
}
