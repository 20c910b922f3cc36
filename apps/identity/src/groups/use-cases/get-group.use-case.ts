import { Inject, Injectable } from '@nestjs/common';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Group } from '../domain/group';
import { GroupNotFoundError } from '../groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';
import { GroupAccess } from './group-access';

export interface GetGroupQuery {
  tenantId: string;
  groupId: string;
  /** Who asks (ID-G2); absent for the service's own reads. */
  actor?: UserActor;
}

@Injectable()
export class GetGroupUseCase {
  constructor(
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
  ) {}

  async execute(query: GetGroupQuery): Promise<Group> {
    const group = await this.groups.findById(query.tenantId, query.groupId);
    if (!group) throw new GroupNotFoundError(query.groupId);
    if (query.actor) await this.access.authorize(query.actor, 'read', group);
    return group;
  }
}
