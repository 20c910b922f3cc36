import { Inject, Injectable } from '@nestjs/common';
import type { Group } from '../domain/group';
import { GroupNotFoundError } from '../groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';

@Injectable()
export class GetGroupUseCase {
  constructor(@Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository) {}

  async execute(query: { tenantId: string; groupId: string }): Promise<Group> {
    const group = await this.groups.findById(query.tenantId, query.groupId);
    if (!group) throw new GroupNotFoundError(query.groupId);
    return group;
  }
}
