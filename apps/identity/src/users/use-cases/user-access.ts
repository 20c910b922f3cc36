import { Inject, Injectable } from '@nestjs/common';
import {
  MEMBERSHIP_REPOSITORY,
  type MembershipRepository,
} from '../../memberships/ports/membership.repository';
import { OwnAdminRoleError } from '../../admin-roles/admin-roles.errors';
import {
  decideUserAction,
  needsScope,
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

/**
 * Applies {@link decideUserAction}, finding out first, when it matters, whether the target is
 * in the power user's scope: a member of one of its scope's groups (the membership's unique
 * key, one look-up per group). Throws the refusal's error.
 */
@Injectable()
export class UserAccess {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
  ) {}

  async authorize(
    actor: UserActor,
    action: UserAction,
    target?: UserTarget,
    context: UserActionContext = {},
  ): Promise<void> {
    const targetInScope =
      target !== undefined && needsScope(actor, target) && (await this.inScope(actor, target));
    const decision = decideUserAction(actor, action, target, { ...context, targetInScope });
    if (!decision.allowed) throw ERRORS[decision.code]();
  }

  /** The scope is read from the power user's account as it is now, not from its token. */
  private async inScope(actor: UserActor, target: UserTarget): Promise<boolean> {
    if (actor.userId === null) return false;
    const powerUser = await this.users.findById(actor.tenantId, actor.userId);
    if (powerUser?.level !== 'power_user' || !powerUser.powerUserScope) return false;
    const groupIds = powerUser.powerUserScope.groupIds.slice(0, MAX_SCOPE_GROUPS);
    const memberships = await Promise.all(
      groupIds.map((groupId) => this.memberships.find(actor.tenantId, groupId, target.id)),
    );
    return memberships.some((membership) => membership?.status === 'active');
  }
}
