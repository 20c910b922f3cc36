import { GroupInvitationsStream } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { Invitation } from '../domain/invitation';

export type InvitationEventType =
  | 'invitation.created'
  | 'invitation.reminded'
  | 'invitation.accepted'
  | 'invitation.revoked';

/** An invitation event with the invitation's full state and its group's name, at its version. */
export function invitationEvent(
  events: EventFactory,
  type: InvitationEventType,
  invitation: Invitation,
  groupName: string,
  now: Date,
): OutboxEntry {
  return events.create(GroupInvitationsStream, type, {
    tenantId: invitation.tenantId,
    aggregateId: invitation.id,
    aggregateVersion: invitation.version,
    occurredAt: now,
    payload: {
      invitationId: invitation.id,
      groupId: invitation.groupId,
      groupName,
      email: invitation.email,
      userId: invitation.userId,
      roles: [...invitation.roles],
      status: invitation.status,
      invitedBy: invitation.invitedBy,
      reminders: invitation.reminders,
      createdAt: invitation.createdAt.toISOString(),
    },
  });
}
