import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Invitation } from '../domain/invitation';
import { InvitationNotFoundError } from '../invitations.errors';
import { INVITATION_REPOSITORY, type InvitationRepository } from '../ports/invitation.repository';
import { invitationEvent } from './invitation-events';

export interface InvitationCommand {
  actor: UserActor;
  invitationId: string;
}

/**
 * What the group's managers do to one of its invitations (ID-G2), by a tenant administrator
 * or the group's admin: remind (`invitation.reminded`, at most once per hour since it was last
 * mailed) or revoke it (`invitation.revoked`). Neither is done to an accepted or revoked one.
 * Its subclasses inherit its constructor and what it injects.
 */
@Injectable()
export abstract class ManageInvitation {
  constructor(
    @Inject(INVITATION_REPOSITORY) protected readonly invitations: InvitationRepository,
    @Inject(GROUP_REPOSITORY) protected readonly groups: GroupRepository,
    protected readonly access: GroupAccess,
    @Inject(EVENT_FACTORY) protected readonly events: EventFactory,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  protected run(
    command: InvitationCommand,
    decide: (invitation: Invitation, now: Date) => Invitation,
    type: 'invitation.reminded' | 'invitation.revoked',
  ): Promise<Invitation> {
    const { actor, invitationId } = command;
    return withOptimisticRetry<Invitation>(async () => {
      const invitation = await this.invitations.findById(actor.tenantId, invitationId);
      if (!invitation) throw new InvitationNotFoundError(invitationId);
      const group = await this.groups.findById(actor.tenantId, invitation.groupId);
      if (!group) throw new InvitationNotFoundError(invitationId);
      await this.access.authorize(actor, 'manage_invitations', group);
      const now = this.clock.now();
      const next = decide(invitation, now);
      const outcome = await this.invitations.update(next, invitation.version, [
        invitationEvent(this.events, type, next, group.name, now),
      ]);
      return outcome === 'written' ? { outcome, value: next } : { outcome };
    });
  }
}
