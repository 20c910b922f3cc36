import { administersTenant, type GroupRole } from '@lms/contracts';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Group } from './group';

/**
 * What an actor does to a group. `read`: the group itself; `list_members`: its members;
 * `manage_members`: add and remove them; `edit`: rename it, change its confidentiality;
 * `manage_invitations`: invite, remind, revoke, list invitations; `delete`: delete it.
 */
export type GroupAction =
  | 'read'
  | 'list_members'
  | 'manage_members'
  | 'edit'
  | 'manage_invitations'
  | 'delete';

export type GroupDecision = { allowed: true } | { allowed: false; code: 'GROUP.FORBIDDEN' };

/** What the decision needs to know of the actor beside its token. */
export interface GroupActorContext {
  /** The actor's roles in this group (none when it is no active member). */
  rolesInGroup: readonly GroupRole[];
  /** A platform coach: a power user whose permission profile holds `groups.coach`. */
  platformCoach: boolean;
}

/** A platform coach (ID-G2): a power user (and nothing more) whose profile's rights hold `groups.coach`. */
export function isPlatformCoach(level: string, rights: readonly string[]): boolean {
  return level === 'power_user' && rights.includes('groups.coach');
}

/** Whether deciding needs the actor's roles in the group or its profile: not for tenant administrators. */
export function needsGroupContext(actor: UserActor): boolean {
  return !administersTenant(actor) && actor.userId !== null;
}

const ALLOWED: GroupDecision = { allowed: true };
const FORBIDDEN: GroupDecision = { allowed: false, code: 'GROUP.FORBIDDEN' };

/**
 * ID-G2, ID-R4: tenant administrators (System and Application Administrators, superadmins) do
 * everything to every group of their tenant. A group's `admin` reads it, lists, adds and
 * removes its members, edits it and manages its invitations; its `coach` reads it and lists
 * its members; a platform coach reads every `public` group and lists its members. Only tenant
 * administrators delete a group. Rights of several roles combine; nobody acts across tenants.
 */
export function decideGroupAction(
  actor: UserActor,
  action: GroupAction,
  group: Pick<Group, 'tenantId' | 'confidentiality'>,
  context: GroupActorContext,
): GroupDecision {
  if (group.tenantId !== actor.tenantId) return FORBIDDEN;
  if (administersTenant(actor)) return ALLOWED;
  if (action === 'delete') return FORBIDDEN;
  const groupAdmin = context.rolesInGroup.includes('admin');
  if (groupAdmin) return ALLOWED;
  const seesMembers =
    context.rolesInGroup.includes('coach') || (context.platformCoach && group.confidentiality === 'public');
  return seesMembers && (action === 'read' || action === 'list_members') ? ALLOWED : FORBIDDEN;
}

/** Which groups a caller lists (ID-G2): all of them, or those it administers or coaches, plus the public ones for a platform coach. */
export type GroupListScope =
  | { all: true }
  | { all: false; groupIds: readonly string[]; publicGroups: boolean };

export function groupListScope(
  actor: UserActor,
  context: { ownGroupIds: readonly string[]; platformCoach: boolean },
): GroupListScope {
  if (administersTenant(actor)) return { all: true };
  return { all: false, groupIds: context.ownGroupIds, publicGroups: context.platformCoach };
}

/** The group roles that let a member see its group in the list: those that see its members. */
export const GROUP_ROLES_SEEING_MEMBERS: readonly GroupRole[] = ['admin', 'coach'];
