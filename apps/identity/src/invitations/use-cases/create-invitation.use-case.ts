import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { GroupBeingDeletedError, GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import { MembershipRolesInvalidError } from '../../memberships/memberships.errors';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { createInvitation, type Invitation } from '../domain/invitation';
import { InvitationInviteeInvalidError } from '../invitations.errors';
import { INVITATION_REPOSITORY, type InvitationRepository } from '../ports/invitation.repository';
import { invitationEvent } from './invitation-events';

export interface CreateInvitationCommand {
  actor: UserActor;
  groupId: string;
  /** Exactly one of `email` and `userId`. */
  email?: string;
  userId?: string;
  roles: readonly string[];
}

/**
 * ID-G2: invites a user (by id) or an address to a group with roles, by a tenant administrator
 * or the group's admin: stores the invitation, pending, and publishes `invitation.created`
 * (for the mail). The invitation's id is what the invited user accepts.
 */
@Injectable()
export class CreateInvitationUseCase {
  constructor(
    @Inject(INVITATION_REPOSITORY) private readonly invitations: InvitationRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly access: GroupAccess,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateInvitationCommand): Promise<Invitation> {
    const { actor, groupId } = command;
    const group = await this.groups.findById(actor.tenantId, groupId);
    if (!group) throw new GroupNotFoundError(groupId);
    await this.access.authorize(actor, 'manage_invitations', group);
    if (group.status !== 'active') throw new GroupBeingDeletedError(groupId);
    const invitee = await this.invitee(actor.tenantId, command);

    const now = this.clock.now();
    const decision = createInvitation(
      {
        id: newId(now),
        tenantId: actor.tenantId,
        groupId,
        email: invitee.email,
        userId: invitee.userId,
        roles: command.roles,
        invitedBy: actor.userId,
      },
      now,
    );
    if (decision.outcome === 'invalid-roles') throw new MembershipRolesInvalidError();
    const invitation = decision.invitation;
    await this.invitations.insert(invitation, [
      invitationEvent(this.events, 'invitation.created', invitation, group.name, now),
    ]);
    return invitation;
  }

  /** The invited address and account: an account of the tenant by id, or an address. */
  private async invitee(
    tenantId: string,
    command: Pick<CreateInvitationCommand, 'email' | 'userId'>,
  ): Promise<{ email: string; userId: string | null }> {
    if ((command.email === undefined) === (command.userId === undefined))
      throw new InvitationInviteeInvalidError();
    if (command.email !== undefined) return { email: command.email, userId: null };
    const user = await this.users.findById(tenantId, command.userId as string);
    if (!user) throw new InvitationInviteeInvalidError();
    return { email: user.email, userId: user.id };
  }
}
