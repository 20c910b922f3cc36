import { normalizeEmail } from '@lms/kernel';
import {
  DEFAULT_TENANT_TIMEZONE,
  HOST_TENANT_CODE,
  TENANT_CODE_PATTERN,
  TENANT_STATES,
  type TenantState,
} from '@lms/contracts';
import { type AdminRole } from '../../users/domain/user';

/** The host tenant (ID-T1): there from installation, home of the System Administrators; never deleted. */
export { HOST_TENANT_CODE };

/** A tenant created without a time zone counts its days in UTC; so does one stored before tenants had one. */
export { DEFAULT_TENANT_TIMEZONE };

/**
 * `provisioning`: written, its first administrator not created yet; seen by nobody but the
 * code that finishes it. `deleting`: its deletion has started and its accounts are being
 * deactivated by a job; it can be read (to follow the deletion) but is not listed, renamed,
 * given new accounts or signed in to, and nothing is published about it until it is
 * `deleted`. `active` and `deleted` are the states the rest of the platform sees.
 */
export const TENANT_LIFECYCLE_STATES = ['provisioning', 'active', 'deleting', 'deleted'] as const;
export type TenantLifecycleState = (typeof TENANT_LIFECYCLE_STATES)[number];

/** What finishing a tenant's provisioning needs to create its first administrator (ID-T2). */
export interface PendingAdministrator {
  /** Chosen when the tenant is written, so that every attempt to finish creates the same user. */
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  adminRoles: AdminRole[];
  passwordHash: string;
}

export interface Tenant {
  /** The code: a tenant's id is its code. */
  id: string;
  code: string;
  name: string;
  /** IANA time zone, e.g. `Europe/Rome`: the tenant's days (an assignment's default start) are counted in it. */
  timezone: string;
  state: TenantLifecycleState;
  /** Set while `provisioning` only. */
  pendingAdministrator: PendingAdministrator | null;
  /**
   * ID-G5: the Platform Owner, exactly one: the first administrator, then whoever the owner
   * handed ownership to. Null only for a tenant stored before tenants had an owner.
   */
  ownerId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A tenant as the rest of the platform knows it: active or deleted. */
export type PublishedTenant = Tenant & { state: TenantState };

/** A tenant in use: listed, renamed, given accounts, signed in to. */
export type ActiveTenant = Tenant & { state: 'active' };

/** A tenant whose accounts are being deactivated before it is marked deleted (ID-T2). */
export type DeletingTenant = Tenant & { state: 'deleting' };

/** A tenant as the HTTP API answers it: published, or being deleted. */
export type ShownTenant = PublishedTenant | DeletingTenant;

/**
 * The id of the System Administrator created at first start (ID-T1): fixed, so that
 * instances starting together create one and the same user.
 */
export const HOST_ADMINISTRATOR_ID = '00000000-0000-7000-8000-000000001000';

export function isTenantCode(code: string): boolean {
  return TENANT_CODE_PATTERN.test(code);
}

/** A tenant is visible (listed, editable, given accounts) only while active. */
export function isVisible(tenant: Tenant | null): tenant is ActiveTenant {
  return tenant?.state === 'active';
}

/** Readable by code: active, or being deleted (so that its deletion can be followed). */
export function isReadable(tenant: Tenant | null): tenant is ActiveTenant | DeletingTenant {
  return tenant?.state === 'active' || tenant?.state === 'deleting';
}

export function isPublished(tenant: Tenant): tenant is PublishedTenant {
  return (TENANT_STATES as readonly string[]).includes(tenant.state);
}

export function isDeleting(tenant: Tenant | null): tenant is DeletingTenant {
  return tenant?.state === 'deleting';
}

/**
 * Whether the tenant's deletion has started (`deleting` or `deleted`): its accounts may not
 * sign in, and it takes no new ones. A tenant without a document here is not refused by this
 * rule: its accounts are found, or not, by themselves.
 */
export function hasDeletionStarted(tenant: Pick<Tenant, 'state'> | null): boolean {
  return tenant?.state === 'deleting' || tenant?.state === 'deleted';
}

/**
 * Whether a request to create a tenant is the one that left this tenant provisioning (sent
 * again after a failure): same code, and the same first administrator's email.
 */
export function isProvisioningOf(tenant: Tenant, request: { administratorEmail: string }): boolean {
  return (
    tenant.state === 'provisioning' &&
    tenant.pendingAdministrator !== null &&
    normalizeEmail(tenant.pendingAdministrator.email) === normalizeEmail(request.administratorEmail)
  );
}

/** ID-T2: a new tenant starts provisioning, holding its first administrator until that exists. */
export function startProvisioning(
  input: { code: string; name: string; timezone?: string; administrator: PendingAdministrator },
  now: Date,
): Tenant {
  return {
    id: input.code,
    code: input.code,
    name: input.name.trim(),
    timezone: input.timezone ?? DEFAULT_TENANT_TIMEZONE,
    state: 'provisioning',
    pendingAdministrator: { ...input.administrator, adminRoles: [...input.administrator.adminRoles] },
    ownerId: input.administrator.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The tenant once its first administrator exists: active, without the pending administrator. */
export function activate(tenant: Tenant, now: Date): ActiveTenant {
  return {
    ...tenant,
    state: 'active',
    pendingAdministrator: null,
    updatedAt: now,
    version: tenant.version + 1,
  };
}

/** ID-T1: the host tenant, written active at first start (its administrator is created apart). */
export function openHostTenant(input: { name: string; timezone: string }, now: Date): PublishedTenant {
  return {
    id: HOST_TENANT_CODE,
    code: HOST_TENANT_CODE,
    name: input.name.trim(),
    timezone: input.timezone,
    state: 'active',
    pendingAdministrator: null,
    ownerId: HOST_ADMINISTRATOR_ID,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** What an edit of a tenant may change (ID-T2); an absent field stays as it is. */
export interface TenantChanges {
  name?: string;
  timezone?: string;
}

/**
 * A new name, a new time zone, or both; the same values are no change at all (no new version,
 * no event).
 */
export function editTenant(
  tenant: PublishedTenant,
  changes: TenantChanges,
  now: Date,
): { outcome: 'unchanged' } | { outcome: 'edited'; tenant: PublishedTenant } {
  const name = changes.name === undefined ? tenant.name : changes.name.trim();
  const timezone = changes.timezone ?? tenant.timezone;
  if (name === tenant.name && timezone === tenant.timezone) return { outcome: 'unchanged' };
  return {
    outcome: 'edited',
    tenant: { ...tenant, name, timezone, updatedAt: now, version: tenant.version + 1 },
  };
}

/** ID-T2: an active tenant's deletion starts; its accounts are deactivated afterwards, by a job. */
export function startDeletion(tenant: ActiveTenant, now: Date): DeletingTenant {
  return { ...tenant, state: 'deleting', updatedAt: now, version: tenant.version + 1 };
}

/**
 * The tenant deleted, once no account of it is left to deactivate: the document stays, so
 * that its code is never given again.
 */
export function markDeleted(tenant: DeletingTenant, now: Date): PublishedTenant {
  return { ...tenant, state: 'deleted', updatedAt: now, version: tenant.version + 1 };
}

/**
 * ID-G5: ownership handed to `ownerId`, at the tenant's next version; unchanged when it owns
 * the tenant already.
 */
export function handOwnership(
  tenant: ActiveTenant,
  ownerId: string,
  now: Date,
): { outcome: 'unchanged' } | { outcome: 'handed'; tenant: ActiveTenant } {
  if (tenant.ownerId === ownerId) return { outcome: 'unchanged' };
  return { outcome: 'handed', tenant: { ...tenant, ownerId, updatedAt: now, version: tenant.version + 1 } };
}
