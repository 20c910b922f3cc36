import { Injectable } from '@nestjs/common';
import type { Delivery } from '../domain/delivery';
import {
  closedInBatch,
  planInvitationDeliveries,
  type InvitationEventFacts,
} from '../domain/invitation-deliveries';
import { MailRecorder } from './mail-recorder';

/** One invitation event: its id, tenant, type, the invitation's version and its full state. */
export type InvitationEventCommand = InvitationEventFacts;

/**
 * Invitations to groups (a batch of identity's group-invitations stream, ID-G2): the invited
 * address is mailed once when invited and once per reminder, recorded for the sender pool
 * ({@link MailRecorder}); the delivery's natural key makes a redelivered event mail nobody
 * twice. Accepted and revoked invitations mail nobody, but their versions are recorded: an
 * `invitation.created` replayed after the invitation was revoked is older than the newest one
 * handled and mails nobody, and one closed later in the same batch neither.
 */
@Injectable()
export class HandleInvitationEventsUseCase {
  constructor(private readonly recorder: MailRecorder) {}

  execute(commands: readonly InvitationEventCommand[]): Promise<Delivery[]> {
    const closed = closedInBatch(commands);
    return this.recorder.record(commands, {
      aggregateOf: (command) => command.invitation.invitationId,
      plan: (command, now) => (closed.has(command.eventId) ? [] : planInvitationDeliveries(command, now)),
    });
  }
}
