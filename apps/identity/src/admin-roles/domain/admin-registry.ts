import { ADMIN_ROLES, type AdminRole } from '@lms/contracts';
import { HOST_TENANT_CODE } from '../../tenants/domain/tenant';

/** A user whose account may not agree with the registry yet: a change is under way, or was cut short. */
export interface UnsettledAdministrator {
  userId: string;
  since: Date;
}

/**
 * The administrators of one tenant, in one document: the authority for the invariants of
 * ID-R2 and ID-R3. Every change is a compare-and-set on its version, written before the
 * user's account, so that two changes racing on one tenant are decided one after the other.
 *
 * Roles: the registry decides, the account follows. Standing (deactivated or not): the
 * account decides; the registry counts an administrator as active only once its account is,
 * and stops counting it before its account is deactivated or deleted. The registry can thus
 * count fewer active administrators than there are, never more.
 */
export interface AdminRegistry {
  tenantId: string;
  applicationAdmins: string[];
  systemAdmins: string[];
  /** Holders of a role whose account does not count: deactivated (or not known to be active yet). */
  inactive: string[];
  unsettled: UnsettledAdministrator[];
  version: number;
}

/** What an account tells the registry: its roles and whether it can act. */
export interface AdministratorAccount {
  userId: string;
  adminRoles: readonly AdminRole[];
  /** Not deactivated (an expired account still counts: expiry is not a decision of anyone). */
  usable: boolean;
}

export type RegistryDecision =
  | { outcome: 'changed'; registry: AdminRegistry }
  | { outcome: 'unchanged' }
  | { outcome: 'last_admin' };

/** How long a change may take before another request or a start-up settles it: a cut-short change. */
export const SETTLE_AFTER_MS = 30_000;

const LISTS = { application_admin: 'applicationAdmins', system_admin: 'systemAdmins' } as const;

function holders(registry: AdminRegistry): string[] {
  return [...new Set([...registry.applicationAdmins, ...registry.systemAdmins])];
}

/** The roles the registry gives a user, in canonical order. */
export function rolesIn(registry: AdminRegistry, userId: string): AdminRole[] {
  return ADMIN_ROLES.filter((role) => registry[LISTS[role]].includes(userId));
}

export function holdsARole(registry: AdminRegistry, userId: string): boolean {
  return rolesIn(registry, userId).length > 0;
}

/** Administrators who count: holders of a role who are not inactive. */
function active(registry: AdminRegistry, list: readonly string[]): string[] {
  return list.filter((userId) => !registry.inactive.includes(userId));
}

/**
 * ID-R2: at least one active System Administrator in the installation (they live in the host
 * tenant) and one active Application or System Administrator in each tenant. A change that
 * would take the count to zero is refused; one that finds it at zero already is not.
 */
function keepsAnAdministrator(before: AdminRegistry, after: AdminRegistry): boolean {
  const tenantAdministrators = (registry: AdminRegistry) => active(registry, holders(registry)).length;
  if (tenantAdministrators(after) === 0 && tenantAdministrators(before) > 0) return false;
  if (before.tenantId !== HOST_TENANT_CODE) return true;
  const systemAdministrators = (registry: AdminRegistry) => active(registry, registry.systemAdmins).length;
  return !(systemAdministrators(after) === 0 && systemAdministrators(before) > 0);
}

/** The registry at its next version with `userId` marked unsettled since `now`. */
function decided(
  before: AdminRegistry,
  after: Omit<AdminRegistry, 'unsettled' | 'version'>,
  userId: string,
  now: Date,
) {
  const changed: AdminRegistry = {
    ...after,
    unsettled: [...before.unsettled.filter((entry) => entry.userId !== userId), { userId, since: now }],
    version: before.version + 1,
  };
  return keepsAnAdministrator(before, changed)
    ? ({ outcome: 'changed', registry: changed } as const)
    : ({ outcome: 'last_admin' } as const);
}

/** The first registry of a tenant, from its accounts that hold a role. */
export function seedRegistry(tenantId: string, accounts: readonly AdministratorAccount[]): AdminRegistry {
  const withRole = (role: AdminRole) =>
    accounts.filter((account) => account.adminRoles.includes(role)).map((account) => account.userId);
  return {
    tenantId,
    applicationAdmins: withRole('application_admin'),
    systemAdmins: withRole('system_admin'),
    inactive: accounts.filter((account) => !account.usable).map((account) => account.userId),
    unsettled: [],
    version: 1,
  };
}

/**
 * ID-R1, ID-R2: grants or revokes a role. A new holder starts inactive and counts once its
 * account holds the role and is usable ({@link withStanding}); a revocation is refused when
 * the tenant or the installation would be left without an administrator.
 */
export function changeRole(
  registry: AdminRegistry,
  change: { userId: string; role: AdminRole; grant: boolean },
  now: Date,
): RegistryDecision {
  const { userId, role, grant } = change;
  const list = registry[LISTS[role]];
  if (list.includes(userId) === grant) return { outcome: 'unchanged' };
  const after = {
    ...registry,
    [LISTS[role]]: grant ? [...list, userId] : list.filter((each) => each !== userId),
  };
  const heldBefore = holdsARole(registry, userId);
  const heldAfter = holdsARole(after, userId);
  const inactive =
    heldAfter && !heldBefore
      ? [...after.inactive, userId]
      : heldAfter
        ? after.inactive
        : after.inactive.filter((each) => each !== userId);
  return decided(registry, { ...after, inactive }, userId, now);
}

/**
 * ID-R3: before an administrator's account is deactivated or deleted, it stops counting,
 * unless it is the last one; anyone else: unchanged. A deleted account leaves the registry
 * once it is gone ({@link withStanding}), so that a deletion that fails keeps its roles.
 */
export function retireAdministrator(registry: AdminRegistry, userId: string, now: Date): RegistryDecision {
  if (!holdsARole(registry, userId) || registry.inactive.includes(userId)) return { outcome: 'unchanged' };
  return decided(registry, { ...registry, inactive: [...registry.inactive, userId] }, userId, now);
}

/**
 * The registry brought into line with an account's standing (the account decides it): a
 * usable holder counts, a deactivated one does not, a missing account leaves the registry.
 * Null when it agrees already. A correction of facts, never refused.
 */
export function withStanding(
  registry: AdminRegistry,
  account: AdministratorAccount | null,
  userId: string,
): AdminRegistry | null {
  const without = (list: string[]) => list.filter((each) => each !== userId);
  if (account === null) {
    if (!holdsARole(registry, userId) && !registry.inactive.includes(userId)) return null;
    return {
      ...registry,
      applicationAdmins: without(registry.applicationAdmins),
      systemAdmins: without(registry.systemAdmins),
      inactive: without(registry.inactive),
      version: registry.version + 1,
    };
  }
  if (!holdsARole(registry, userId)) return null;
  const counted = !registry.inactive.includes(userId);
  if (counted === account.usable) return null;
  return {
    ...registry,
    inactive: account.usable ? without(registry.inactive) : [...registry.inactive, userId],
    version: registry.version + 1,
  };
}

/**
 * An account created with roles (a tenant's first administrator, the System Administrator of
 * the first start) joins the registry; null when it is there, or a change of it is under way.
 */
export function enrolled(registry: AdminRegistry, account: AdministratorAccount): AdminRegistry | null {
  const missing = account.adminRoles.filter((role) => !registry[LISTS[role]].includes(account.userId));
  if (missing.length === 0 || registry.unsettled.some((entry) => entry.userId === account.userId))
    return null;
  const next = { ...registry, version: registry.version + 1 };
  for (const role of missing) next[LISTS[role]] = [...registry[LISTS[role]], account.userId];
  if (!account.usable && !next.inactive.includes(account.userId))
    next.inactive = [...next.inactive, account.userId];
  return next;
}

/** Entries whose change has had time to finish: it was cut short, and is settled by whoever comes next. */
export function abandonedEntries(registry: AdminRegistry, now: Date): UnsettledAdministrator[] {
  return registry.unsettled.filter((entry) => now.getTime() - entry.since.getTime() >= SETTLE_AFTER_MS);
}
