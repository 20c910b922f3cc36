import { isPermissionRight, PERMISSION_RIGHTS, type PermissionRight } from '@lms/contracts';

export { PERMISSION_RIGHTS, type PermissionRight } from '@lms/contracts';

/** A profile's name: its key within the tenant, e.g. `enrollments` or `sales-desk`. */
export const PERMISSION_PROFILE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * ID-U2: a named subset of the administrative rights, defined per tenant by those who manage
 * every user and given to power users; a power user holding it gets exactly these rights on
 * the users of its scope.
 */
export interface PermissionProfile {
  /** The profile's identity: a profile deleted and defined again under its name gets a new one. */
  id: string;
  tenantId: string;
  name: string;
  /** Each once, in the order of `PERMISSION_RIGHTS`. */
  rights: PermissionRight[];
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface PermissionProfileDefinition {
  /** The id a brand-new profile gets; a replaced one keeps its own. */
  id: string;
  tenantId: string;
  name: string;
  rights: readonly string[];
  description: string | null;
}

export type DefineProfileDecision =
  | { outcome: 'created' | 'replaced'; profile: PermissionProfile }
  | { outcome: 'unchanged'; profile: PermissionProfile }
  | { outcome: 'invalid-name' }
  | { outcome: 'unknown-rights'; rights: string[] };

/**
 * Creates the profile, or replaces the rights and description of the one stored under its name
 * (with the next version). The name follows the pattern and every right is in the catalogue;
 * the same rights in any order and the same description change nothing.
 */
export function definePermissionProfile(
  existing: PermissionProfile | null,
  definition: PermissionProfileDefinition,
  now: Date,
): DefineProfileDecision {
  if (!PERMISSION_PROFILE_NAME_PATTERN.test(definition.name)) return { outcome: 'invalid-name' };
  const unknown = definition.rights.filter((right) => !isPermissionRight(right));
  if (unknown.length > 0) return { outcome: 'unknown-rights', rights: [...new Set(unknown)] };
  const rights = PERMISSION_RIGHTS.filter((right) => definition.rights.includes(right));
  const description = definition.description?.trim() || null;
  if (!existing) {
    return {
      outcome: 'created',
      profile: {
        id: definition.id,
        tenantId: definition.tenantId,
        name: definition.name,
        rights,
        description,
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
    };
  }
  if (sameRights(existing.rights, rights) && existing.description === description)
    return { outcome: 'unchanged', profile: existing };
  return {
    outcome: 'replaced',
    profile: { ...existing, rights, description, updatedAt: now, version: existing.version + 1 },
  };
}

function sameRights(a: readonly PermissionRight[], b: readonly PermissionRight[]): boolean {
  return a.length === b.length && a.every((right) => b.includes(right));
}
