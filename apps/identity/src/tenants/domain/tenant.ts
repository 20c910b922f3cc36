import { TENANT_CODE_PATTERN, type TenantState } from '@lms/contracts';
import { normalizeEmail, type AdminRole } from '../../users/domain/user';

/** The host tenant (ID-T1): there from installation, home of the System Administrators; never deleted. */
export const HOST_TENANT_CODE = '1000';

/**
 * `provisioning`: written, its first administrator not created yet; seen by nobody but the
 * code that finishes it. `active` and `deleted` are the states the rest of the platform sees.
 */
export const TENANT_LIFECYCLE_STATES = ['provisioning', 'active', 'deleted'] as const;
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
  state: TenantLifecycleState;
  /** Set while `provisioning` only. */
  pendingAdministrator: PendingAdministrator | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A tenant as the rest of the platform knows it: active or deleted. */
export type PublishedTenant = Tenant & { state: TenantState };

/**
 * The id of the System Administrator created at first start (ID-T1): fixed, so that
 * instances starting together create one and the same user.
 */
export const HOST_ADMINISTRATOR_ID = '00000000-0000-7000-8000-000000001000';

export function isTenantCode(code: string): boolean {
  return TENANT_CODE_PATTERN.test(code);
}

/** A tenant is visible (listed, readable, editable) only while active. */
export function isVisible(tenant: Tenant | null): tenant is PublishedTenant & { state: 'active' } {
  return tenant?.state === 'active';
}

export function isPublished(tenant: Tenant): tenant is PublishedTenant {
  return tenant.state !== 'provisioning';
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
  input: { code: string; name: string; administrator: PendingAdministrator },
  now: Date,
): Tenant {
  return {
    id: input.code,
    code: input.code,
    name: input.name.trim(),
    state: 'provisioning',
    pendingAdministrator: { ...input.administrator, adminRoles: [...input.administrator.adminRoles] },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The tenant once its first administrator exists: active, without the pending administrator. */
export function activate(tenant: Tenant, now: Date): PublishedTenant {
  return {
    ...tenant,
    state: 'active',
    pendingAdministrator: null,
    updatedAt: now,
    version: tenant.version + 1,
  };
}

/** ID-T1: the host tenant, written active at first start (its administrator is created apart). */
export function openHostTenant(name: string, now: Date): PublishedTenant {
  return {
    id: HOST_TENANT_CODE,
    code: HOST_TENANT_CODE,
    name: name.trim(),
    state: 'active',
    pendingAdministrator: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** A new name; the same name is no change at all (no new version, no event). */
export function renameTenant(
  tenant: PublishedTenant,
  name: string,
  now: Date,
): { outcome: 'unchanged' } | { outcome: 'renamed'; tenant: PublishedTenant } {
  const trimmed = name.trim();
  if (trimmed === tenant.name) return { outcome: 'unchanged' };
  return {
    outcome: 'renamed',
    tenant: { ...tenant, name: trimmed, updatedAt: now, version: tenant.version + 1 },
  };
}

/** The tenant deleted: the document stays, so that its code is never given again. */
export function markDeleted(tenant: PublishedTenant, now: Date): PublishedTenant {
  return { ...tenant, state: 'deleted', updatedAt: now, version: tenant.version + 1 };
}
