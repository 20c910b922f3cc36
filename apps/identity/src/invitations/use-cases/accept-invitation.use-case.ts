import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, ConcurrentModificationError } from '@lms/kernel';
import { GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import type { Membership } from '../../memberships/domain/membership';
import { AddMemberUseCase } from '../../memberships/use-cases/add-member.use-case';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { acceptInvitation, type Invitation } from '../domain/invitation';
import { InvitationNotFoundError, InvitationNotInviteeError } from '../invitations.errors';
import { INVITATION_REPOSITORY, type InvitationRepository } from '../ports/invitation.repository';
import { invitationEvent } from './invitation-events';
import { closedInvitationError } from './invitation-refusals';

export interface AcceptInvitationCommand {
  actor: UserActor;
  invitationId: string;
}

/**
 * ID-G2: the invited user, signed in, accepts a pending invitation: it joins the group with
 * the invitation's roles through `AddMemberUseCase` (the same `membership.added`), then the
 * invitation is accepted (`invitation.accepted`) and can never be accepted again. Should the
 * second write be lost, accepting again answers `MEMBERSHIP.ALREADY_EXISTS` and changes nothing.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    @Inject(INVITATION_REPOSITORY) private readonly invitations: InvitationRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly addMember: AddMemberUseCase,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    command: AcceptInvitationCommand,
  ): Promise<{ invitation: Invitation; membership: Membership }> {
    const { actor, invitationId } = command;
    const invitation = await this.invitations.findById(actor.tenantId, invitationId);
    if (!invitation) throw new InvitationNotFoundError(invitationId);
    const account = actor.userId === null ? null : await this.users.findById(actor.tenantId, actor.userId);
    if (!account) throw new InvitationNotInviteeError();
    const now = this.clock.now();
    const decision = acceptInvitation(invitation, account, now);
    if (decision.outcome === 'not-invitee') throw new InvitationNotInviteeError();
    if (decision.outcome !== 'accepted') throw closedInvitationError(decision.outcome, invitationId);
    const group = await this.groups.findById(actor.tenantId, invitation.groupId);
    if (!group) throw new GroupNotFoundError(invitation.groupId);

    const membership = await this.addMember.execute({
      tenantId: actor.tenantId,
      groupId: invitation.groupId,
      userId: account.id,
      roles: invitation.roles,
    });
    const accepted = decision.invitation;
    const outcome = await this.invitations.update(accepted, invitation.version, [
      invitationEvent(this.events, 'invitation.accepted', accepted, group.name, now),
    ]);
    if (outcome === 'stale') throw new ConcurrentModificationError();
    return { invitation: accepted, membership };
  }
}
