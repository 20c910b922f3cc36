import type { GroupRole } from '@lms/contracts';
import type { Invitation, InvitationStatus } from '../domain/invitation';

export class InvitationResponseDto {
  /** Also the token the invited user accepts with. */
  id!: string;
  groupId!: string;
  email!: string;
  /** The invited account; null when invited by address and not accepted yet. */
  userId!: string | null;
  roles!: GroupRole[];
  status!: InvitationStatus;
  invitedBy!: string | null;
  reminders!: number;
  lastSentAt!: string;
  createdAt!: string;
  /** When it was accepted or revoked. */
  closedAt!: string | null;
  version!: number;

  static from(invitation: Invitation): InvitationResponseDto {
    return {
      id: invitation.id,
      groupId: invitation.groupId,
      email: invitation.email,
      userId: invitation.userId,
      roles: [...invitation.roles],
      status: invitation.status,
      invitedBy: invitation.invitedBy,
      reminders: invitation.reminders,
      lastSentAt: invitation.lastSentAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
      closedAt: invitation.closedAt ? invitation.closedAt.toISOString() : null,
      version: invitation.version,
    };
  }
}
