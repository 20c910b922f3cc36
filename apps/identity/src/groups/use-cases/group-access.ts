import { Inject, Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import {
  MEMBERSHIP_REPOSITORY,
  type MembershipRepository,
} from '../../memberships/ports/membership.repository';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../../permission-profiles/ports/permission-profile.repository';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import type { Group } from '../domain/group';
import {
  decideGroupAction,
  groupListScope,
  GROUP_ROLES_SEEING_MEMBERS,
  isPlatformCoach,
  needsGroupContext,
  type GroupAction,
  type GroupListScope,
} from '../domain/group-permissions';
import { GroupForbiddenError } from '../groups.errors';

/** The groups a group admin or coach lists, at most (the groups it administers or coaches). */
export const MAX_OWN_GROUPS = 500;

/**
 * Applies {@link decideGroupAction} (ID-G2), finding out first what the caller is beyond its
 * token when it matters (not for tenant administrators): its roles in the group (the
 * membership, one look-up by its unique key) and, only when those do not already decide,
 * whether it is a platform coach (its account by id, its permission profile by key, as they
 * are now).
 */
@Injectable()
export class GroupAccess {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
  ) {}

  async authorize(actor: UserActor, action: GroupAction, group: Group): Promise<void> {
    let rolesInGroup: readonly GroupRole[] = [];
    let platformCoach = false;
    if (needsGroupContext(actor) && actor.userId !== null && group.tenantId === actor.tenantId) {
      const membership = await this.memberships.find(actor.tenantId, group.id, actor.userId);
      rolesInGroup = membership?.status === 'active' ? membership.roles : [];
      const decidedByRoles = decideGroupAction(actor, action, group, { rolesInGroup, platformCoach }).allowed;
      if (!decidedByRoles && group.confidentiality === 'public')
        platformCoach = await this.isPlatformCoach(actor);
    }
    if (!decideGroupAction(actor, action, group, { rolesInGroup, platformCoach }).allowed)
      throw new GroupForbiddenError();
  }

  /** Which groups the caller lists: all, or those it administers or coaches (and the public ones for a platform coach). */
  async listScope(actor: UserActor): Promise<GroupListScope> {
    if (!needsGroupContext(actor) || actor.userId === null)
      return groupListScope(actor, { ownGroupIds: [], platformCoach: false });
    const [ownGroupIds, platformCoach] = await Promise.all([
      this.memberships.groupIdsOfMember(
        actor.tenantId,
        actor.userId,
        GROUP_ROLES_SEEING_MEMBERS,
        MAX_OWN_GROUPS,
      ),
      this.isPlatformCoach(actor),
    ]);
    return groupListScope(actor, { ownGroupIds, platformCoach });
  }

  private async isPlatformCoach(actor: UserActor): Promise<boolean> {
    if (actor.userId === null || actor.level !== 'power_user') return false;
    const account = await this.users.findById(actor.tenantId, actor.userId);
    if (account?.level !== 'power_user' || !account.permissionProfile) return false;
    const profile = await this.profiles.find(actor.tenantId, account.permissionProfile);
    return isPlatformCoach(account.level, profile?.rights ?? []);
  }
}
