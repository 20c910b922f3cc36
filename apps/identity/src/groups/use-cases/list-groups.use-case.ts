import { Inject, Injectable } from '@nestjs/common';
import type { GroupConfidentiality } from '@lms/contracts';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Group } from '../domain/group';
import { GROUP_REPOSITORY, type GroupRepository } from '../ports/group.repository';
import { GroupAccess } from './group-access';

export interface ListGroupsQuery {
  actor: UserActor;
  namePrefix?: string;
  confidentiality?: GroupConfidentiality;
  page: PageRequest;
}

/**
 * ID-G1, ID-G2: the tenant's groups, oldest first, by name prefix and confidentiality. Tenant
 * administrators list every group; anyone else the groups it administers or coaches, and a
 * platform coach the public ones too; a caller who holds none of these gets an empty page.
 */
@Injectable()
export class ListGroupsUseCase {
  constructor(
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
  ) {}

  async execute(query: ListGroupsQuery): Promise<Page<Group>> {
    const scope = await this.access.listScope(query.actor);
    if (!scope.all && scope.groupIds.length === 0 && !scope.publicGroups) return emptyPage(query.page);
    return this.groups.list(
      query.actor.tenantId,
      {
        namePrefix: query.namePrefix,
        confidentiality: query.confidentiality,
        visible: scope.all ? undefined : { groupIds: scope.groupIds, orPublic: scope.publicGroups },
      },
      query.page,
    );
  }
}
