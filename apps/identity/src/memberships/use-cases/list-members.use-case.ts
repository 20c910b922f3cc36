import { Inject, Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import type { Page, PageRequest } from '@lms/kernel';
import { GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import type { Membership } from '../domain/membership';
import { MEMBERSHIP_REPOSITORY, type MembershipRepository } from '../ports/membership.repository';

export interface ListMembersQuery {
  tenantId: string;
  groupId: string;
  role?: GroupRole;
  page: PageRequest;
}

/** The active members of a group, optionally only those with one role. */
@Injectable()
export class ListMembersUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
  ) {}

  async execute(query: ListMembersQuery): Promise<Page<Membership>> {
    if (!(await this.groups.findById(query.tenantId, query.groupId)))
      throw new GroupNotFoundError(query.groupId);
    return this.memberships.listActive(query.tenantId, query.groupId, { role: query.role }, query.page);
  }
}
