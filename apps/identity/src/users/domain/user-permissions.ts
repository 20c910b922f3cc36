import {
  administersTenant,
  callerKindOf,
  isPermissionRight,
  type AdminRole,
  type PermissionRight,
} from '@lms/contracts';
import type { User } from './user';

/** Who asks: the tenant it acts in, its account, its platform level and administrative roles. */
export interface UserActor {
  tenantId: string;
  /** Null only for the single configured tenant of a platform without sign-in. */
  userId: string | null;
  level: string;
  roles: readonly string[];
}

/**
 * What an actor does to a user. `update_profile`: names, locale, time zone, custom fields;
 * `update_account`: level, password, power-user scope and profile; `change_expiry` and
 * `change_state` change (now or later) whether the account can sign in.
 */
export type UserAction =
  | 'read'
  | 'list'
  | 'create'
  | 'update_profile'
  | 'update_account'
  | 'change_expiry'
  | 'change_state'
  | 'delete'
  | 'grant_role'
  | 'revoke_role';

/** The refusals, by their error code. */
export type UserRefusal =
  | 'USER.FORBIDDEN'
  | 'USER.OWN_STATE'
  | 'USER.OWN_DELETION'
  | 'USER.PEER_REQUIRED'
  | 'ADMIN_ROLE.OWN_ROLE';

export type UserDecision = { allowed: true } | { allowed: false; code: UserRefusal };

/** What the decision needs of the target user. */
export type UserTarget = Pick<User, 'id' | 'tenantId' | 'level' | 'adminRoles'>;

export interface UserActionContext {
  /** The role granted or revoked (`grant_role`, `revoke_role`). */
  role?: AdminRole;
  /** Whether the target is a member of a group of the actor's power-user scope. */
  targetInScope?: boolean;
  /** The rights of the actor's permission profile as a power user (ID-U2); absent: none. */
  powerUserRights?: readonly string[];
}

/**
 * Administrative kinds, lowest first: none, Application Administrator, System Administrator.
 * The System Administrator role counts in the host tenant only (ID-T1).
 */
type AdministrativeRank = 0 | 1 | 2;

function rankOf(roles: readonly string[], tenantId: string): AdministrativeRank {
  const kind = callerKindOf({ tenantId, roles });
  return kind === 'system_administrator' ? 2 : kind === 'administrator' ? 1 : 0;
}

function rankOfRole(role: AdminRole): AdministrativeRank {
  return role === 'system_admin' ? 2 : 1;
}

/** A System Administrator: the role, in the host tenant. */
export function isSystemAdministrator(actor: Pick<UserActor, 'tenantId' | 'roles'>): boolean {
  return rankOf(actor.roles, actor.tenantId) === 2;
}

/**
 * Manages every user of its tenant (ID-R1, ID-U2): a System or Application Administrator, or
 * the level `superadmin`. Roles and level combine, the most permissive winning (ID-R4).
 */
export function managesEveryUser(actor: UserActor): boolean {
  return administersTenant(actor);
}

/** A plain user: level `user`, no administrative role; the only kind a power user manages. */
function isPlainUser(target: UserTarget): boolean {
  return target.level === 'user' && target.adminRoles.length === 0;
}

function isSelf(actor: UserActor, target: UserTarget): boolean {
  return actor.userId !== null && actor.userId === target.id;
}

/**
 * Whether deciding needs to know if the target is in the actor's power-user scope: only
 * for a power user (and nothing more) acting on a plain user other than itself.
 */
export function needsScope(actor: UserActor, target: UserTarget): boolean {
  return (
    !managesEveryUser(actor) && actor.level === 'power_user' && isPlainUser(target) && !isSelf(actor, target)
  );
}

const ALLOWED: UserDecision = { allowed: true };
const refuse = (code: UserRefusal): UserDecision => ({ allowed: false, code });

/**
 * What each right of a permission profile lets a power user do to the plain users of its scope
 * (ID-U2). Editing and (de)activating answer with the account, so they include reading it.
 */
const ACTIONS_OF_RIGHT: Partial<Record<PermissionRight, readonly UserAction[]>> = {
  'users.read': ['read'],
  'users.update_profile': ['read', 'update_profile'],
  'users.change_state': ['read', 'change_state'],
};

/** Whether a power user holding these rights may do `action` to a plain user of its scope (ID-U2). */
export function powerUserRightsAllow(rights: readonly string[], action: UserAction): boolean {
  return rights.some(
    (right) => isPermissionRight(right) && ACTIONS_OF_RIGHT[right]?.includes(action) === true,
  );
}

/**
 * ID-R1..R4, ID-U2, ID-U5: whether `actor` may do `action` to `target` (absent for `list`
 * and `create`). Nobody acts across tenants. Administrators and superadmins manage every
 * user of their tenant, whatever profile they hold; a power user does to the plain users of
 * its scope what the rights of its permission profile allow, and without a profile reads only
 * itself, as a plain user does. Nobody changes its own state or expiry, deletes
 * itself or gives up its own administrative role. Changing the state, expiry, password or
 * level of an administrator, or deleting one, takes a peer of the same or a higher kind;
 * only an administrator of a role's kind (or higher) grants or revokes it, so the System
 * Administrator role is granted only by System Administrators.
 */
export function decideUserAction(
  actor: UserActor,
  action: UserAction,
  target?: UserTarget,
  context: UserActionContext = {},
): UserDecision {
  const actorRank = rankOf(actor.roles, actor.tenantId);
  const full = managesEveryUser(actor);
  if (!target) return (action === 'list' || action === 'create') && full ? ALLOWED : refuse('USER.FORBIDDEN');
  if (target.tenantId !== actor.tenantId) return refuse('USER.FORBIDDEN');

  const self = isSelf(actor, target);
  if (self && (action === 'change_state' || action === 'change_expiry')) return refuse('USER.OWN_STATE');
  if (self && action === 'delete') return refuse('USER.OWN_DELETION');
  if (self && action === 'revoke_role') return refuse('ADMIN_ROLE.OWN_ROLE');

  if (action === 'grant_role' || action === 'revoke_role') {
    const role = context.role;
    return role !== undefined && actorRank >= rankOfRole(role) ? ALLOWED : refuse('USER.FORBIDDEN');
  }
  if (full) {
    const guarded = action !== 'read' && action !== 'update_profile';
    return guarded && actorRank < rankOf(target.adminRoles, target.tenantId)
      ? refuse('USER.PEER_REQUIRED')
      : ALLOWED;
  }
  if (self) return action === 'read' ? ALLOWED : refuse('USER.FORBIDDEN');
  if (
    actor.level === 'power_user' &&
    isPlainUser(target) &&
    context.targetInScope === true &&
    powerUserRightsAllow(context.powerUserRights ?? [], action)
  )
    return ALLOWED;
  return refuse('USER.FORBIDDEN');
}

/**
 * ID-R3: the System Administrator role is seen only by System Administrators; anyone else
 * sees the account without it.
 */
export function asSeenBy<T extends Pick<User, 'adminRoles'>>(actor: UserActor, user: T): T {
  if (isSystemAdministrator(actor) || !user.adminRoles.includes('system_admin')) return user;
  return { ...user, adminRoles: user.adminRoles.filter((role) => role !== 'system_admin') };
}
