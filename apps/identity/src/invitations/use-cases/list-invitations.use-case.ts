import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Invitation, InvitationStatus } from '../domain/invitation';
import { INVITATION_REPOSITORY, type InvitationRepository } from '../ports/invitation.repository';

export interface ListInvitationsQuery {
  actor: UserActor;
  groupId: string;
  status?: InvitationStatus;
  page: PageRequest;
}

/** ID-G2: a group's invitations, oldest first, for a tenant administrator or the group's admin. */
@Injectable()
export class ListInvitationsUseCase {
  constructor(
    @Inject(INVITATION_REPOSITORY) private readonly invitations: InvitationRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
  ) {}

  async execute(query: ListInvitationsQuery): Promise<Page<Invitation>> {
    const { actor, groupId } = query;
    const group = await this.groups.findById(actor.tenantId, groupId);
    if (!group) throw new GroupNotFoundError(groupId);
    await this.access.authorize(actor, 'manage_invitations', group);
    return this.invitations.listOfGroup(actor.tenantId, groupId, { status: query.status }, query.page);
  }
}
