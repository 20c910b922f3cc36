import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { UserWriter } from '../../users/use-cases/user-writes';
import { UserNotFoundError } from '../../users/users.errors';
import { deriveRoles, withDerivedRoles, type OrganisationPlace } from '../domain/derived-roles';
import {
  MANAGER_RELATION_REPOSITORY,
  type ManagerRelationRepository,
} from '../ports/manager-relation.repository';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';

/**
 * ID-R1: Manager and Agent are derived from the organisation, never assigned. Called by every
 * use case that changes a relation, right after its own write: each user's flags are
 * recomputed from the relations as they are now and written by compare-and-set with
 * `user.updated` (nothing when they are already right). A concurrent change of the user makes
 * it read the relations and the user again.
 */
@Injectable()
export class DerivedRoleRefresh {
  constructor(
    @Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository,
    @Inject(MANAGER_RELATION_REPOSITORY) private readonly relations: ManagerRelationRepository,
    private readonly writer: UserWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async refresh(tenantId: string, userIds: Iterable<string>): Promise<void> {
    for (const userId of new Set(userIds)) {
      try {
        await this.writer.change({ tenantId, userId }, async (user) =>
          withDerivedRoles(user, deriveRoles(await this.placeOf(tenantId, userId)), this.clock.now()),
        );
      } catch (error) {
        // A user deleted meanwhile has no roles to show.
        if (!(error instanceof UserNotFoundError)) throw error;
      }
    }
  }

  private async placeOf(tenantId: string, userId: string): Promise<OrganisationPlace> {
    const [managesUnitOrTeam, hasManagees, memberOfTeam] = await Promise.all([
      this.nodes.managesAny(tenantId, userId),
      this.relations.hasManagees(tenantId, userId),
      this.nodes.memberOfAny(tenantId, userId),
    ]);
    return { managesUnitOrTeam, hasManagees, memberOfTeam };
  }
}
