import { Inject, Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import type { Page, PageRequest } from '@lms/kernel';
import { GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Membership } from '../domain/membership';
import { MEMBERSHIP_REPOSITORY, type MembershipRepository } from '../ports/membership.repository';

export interface ListMembersQuery {
  tenantId: string;
  groupId: string;
  role?: GroupRole;
  page: PageRequest;
  /** Who asks (ID-G2); absent for the service's own reads. */
  actor?: UserActor;
}

/**
 * The active members of a group, optionally only those with one role. ID-G2: tenant
 * administrators see every group's; a group's admins and coaches see its own; a platform coach
 * sees those of every public group.
 */
@Injectable()
export class ListMembersUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
  ) {}

  async execute(query: ListMembersQuery): Promise<Page<Membership>> {
    const group = await this.groups.findById(query.tenantId, query.groupId);
    if (!group) throw new GroupNotFoundError(query.groupId);
    if (query.actor) await this.access.authorize(query.actor, 'list_members', group);
    return this.memberships.listActive(query.tenantId, query.groupId, { role: query.role }, query.page);
  }
}
