import { Inject, Injectable } from '@nestjs/common';
import {
  MEMBERSHIP_REPOSITORY,
  type MembershipRepository,
} from '../../memberships/ports/membership.repository';
import { OwnAdminRoleError } from '../../admin-roles/admin-roles.errors';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../../permission-profiles/ports/permission-profile.repository';
import {
  decideUserAction,
  needsScope,
  powerUserRightsAllow,
  type UserAction,
  type UserActionContext,
  type UserActor,
  type UserRefusal,
  type UserTarget,
} from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { OwnDeletionError, OwnStateError, PeerRequiredError, UserForbiddenError } from '../users.errors';

/** The groups of a power user's scope looked at, at most: one look-up by key each. */
export const MAX_SCOPE_GROUPS = 100;

const ERRORS: Record<UserRefusal, () => Error> = {
  'USER.FORBIDDEN': () => new UserForbiddenError(),
  'USER.OWN_STATE': () => new OwnStateError(),
  'USER.OWN_DELETION': () => new OwnDeletionError(),
  'USER.PEER_REQUIRED': () => new PeerRequiredError(),
  'ADMIN_ROLE.OWN_ROLE': () => new OwnAdminRoleError(),
};

/** What a power user's account and profile tell about one action on one target. */
type PowerUserContext = Pick<UserActionContext, 'powerUserRights' | 'targetInScope'>;

const NO_POWER: PowerUserContext = { powerUserRights: [], targetInScope: false };

/**
 * Applies {@link decideUserAction}, finding out first, when it matters, what the power user
 * may do (its permission profile's rights) and whether the target is in its scope: a member
 * of one of its scope's groups (the membership's unique key, one look-up per group). Throws
 * the refusal's error.
 */
@Injectable()
export class UserAccess {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
  ) {}

  async authorize(
    actor: UserActor,
    action: UserAction,
    target?: UserTarget,
    context: UserActionContext = {},
  ): Promise<void> {
    const powerUser =
      target !== undefined && needsScope(actor, target)
        ? await this.powerUserContext(actor, action, target)
        : NO_POWER;
    const decision = decideUserAction(actor, action, target, { ...context, ...powerUser });
    if (!decision.allowed) throw ERRORS[decision.code]();
  }

  /**
   * The scope and the profile are read from the power user's account as it is now, not from
   * its token: the account once by id, its profile once by its key, and the scope's
   * memberships only when the profile allows the action at all.
   */
  private async powerUserContext(
    actor: UserActor,
    action: UserAction,
    target: UserTarget,
  ): Promise<PowerUserContext> {
    if (actor.userId === null) return NO_POWER;
    const powerUser = await this.users.findById(actor.tenantId, actor.userId);
    if (powerUser?.level !== 'power_user' || !powerUser.powerUserScope || !powerUser.permissionProfile)
      return NO_POWER;
    const profile = await this.profiles.find(actor.tenantId, powerUser.permissionProfile);
    const powerUserRights = profile?.rights ?? [];
    if (!powerUserRightsAllow(powerUserRights, action)) return { powerUserRights, targetInScope: false };
    const groupIds = powerUser.powerUserScope.groupIds.slice(0, MAX_SCOPE_GROUPS);
    const memberships = await Promise.all(
      groupIds.map((groupId) => this.memberships.find(actor.tenantId, groupId, target.id)),
    );
    return {
      powerUserRights,
      targetInScope: memberships.some((membership) => membership?.status === 'active'),
    };
  }
}
