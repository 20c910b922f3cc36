import type { AdminRole } from '@lms/contracts';
import {
  abandonedEntries,
  enrolled,
  changeRole,
  retireAdministrator,
  rolesIn,
  seedRegistry,
  SETTLE_AFTER_MS,
  withStanding,
  type AdminRegistry,
} from './admin-registry';

const now = new Date('2026-03-02T09:00:00.000Z');

function registry(overrides: Partial<AdminRegistry> = {}): AdminRegistry {
  return {
    tenantId: 'acme',
    applicationAdmins: ['ann', 'bob'],
    systemAdmins: [],
    inactive: [],
    unsettled: [],
    version: 3,
    ...overrides,
  };
}

const grant = (from: AdminRegistry, userId: string, role: AdminRole) =>
  changeRole(from, { userId, role, grant: true }, now);
const revoke = (from: AdminRegistry, userId: string, role: AdminRole) =>
  changeRole(from, { userId, role, grant: false }, now);

function changedRegistry(decision: ReturnType<typeof changeRole>): AdminRegistry {
  if (decision.outcome !== 'changed') throw new Error(`expected a change, got ${decision.outcome}`);
  return decision.registry;
}

describe('the administrator registry (ID-R2, ID-R3)', () => {
  it('is seeded from the accounts that hold a role, the deactivated ones not counting', () => {
    expect(
      seedRegistry('1000', [
        { userId: 'root', adminRoles: ['system_admin', 'application_admin'], usable: true },
        { userId: 'old', adminRoles: ['application_admin'], usable: false },
      ]),
    ).toEqual({
      tenantId: '1000',
      applicationAdmins: ['root', 'old'],
      systemAdmins: ['root'],
      inactive: ['old'],
      unsettled: [],
      version: 1,
    });
  });

  it('given a grant, then the new holder is listed, not counted until its account follows, and marked unsettled', () => {
    const granted = changedRegistry(grant(registry(), 'cy', 'application_admin'));

    expect(granted).toMatchObject({
      applicationAdmins: ['ann', 'bob', 'cy'],
      inactive: ['cy'],
      unsettled: [{ userId: 'cy', since: now }],
      version: 4,
    });
    expect(rolesIn(granted, 'cy')).toEqual(['application_admin']);
    expect(grant(granted, 'cy', 'application_admin')).toEqual({ outcome: 'unchanged' });
  });

  it('given a revocation that leaves another administrator, then it is made', () => {
    expect(changedRegistry(revoke(registry(), 'bob', 'application_admin'))).toMatchObject({
      applicationAdmins: ['ann'],
      unsettled: [{ userId: 'bob', since: now }],
    });
    expect(revoke(registry(), 'cy', 'application_admin')).toEqual({ outcome: 'unchanged' });
  });

  it('given the last active administrator of a tenant, then it can be neither revoked, deactivated nor deleted (ADMIN_ROLE.LAST_ADMIN)', () => {
    const last = registry({ inactive: ['bob'] });

    expect(revoke(last, 'ann', 'application_admin')).toEqual({ outcome: 'last_admin' });
    expect(retireAdministrator(last, 'ann', now)).toEqual({ outcome: 'last_admin' });
    expect(changedRegistry(revoke(last, 'bob', 'application_admin')).inactive).toEqual([]);
  });

  it('counts a System Administrator as an administrator of its tenant too', () => {
    const host = registry({ tenantId: '1000', applicationAdmins: ['ann'], systemAdmins: ['root'] });

    expect(changedRegistry(revoke(host, 'ann', 'application_admin')).applicationAdmins).toEqual([]);
  });

  it('given the last System Administrator of the installation, then it keeps its role and account, even beside Application Administrators', () => {
    const host = registry({ tenantId: '1000', applicationAdmins: ['ann'], systemAdmins: ['root'] });

    expect(revoke(host, 'root', 'system_admin')).toEqual({ outcome: 'last_admin' });
    expect(retireAdministrator(host, 'root', now)).toEqual({ outcome: 'last_admin' });
    const twoRoots = { ...host, systemAdmins: ['root', 'toor'] };
    expect(changedRegistry(revoke(twoRoots, 'root', 'system_admin')).systemAdmins).toEqual(['toor']);
  });

  it('given an administrator deactivated or deleted, then it stops counting first, and leaves once its account is gone', () => {
    const retired = changedRegistry(retireAdministrator(registry(), 'bob', now));

    expect(retired).toMatchObject({ inactive: ['bob'], unsettled: [{ userId: 'bob', since: now }] });
    expect(withStanding(retired, null, 'bob')).toMatchObject({ applicationAdmins: ['ann'], inactive: [] });
    expect(retireAdministrator(registry(), 'cy', now)).toEqual({ outcome: 'unchanged' });
    expect(retireAdministrator(retired, 'bob', now)).toEqual({ outcome: 'unchanged' });
  });

  it('follows an account’s standing: usable counts, deactivated does not, gone leaves', () => {
    const granted = registry({ inactive: ['bob'] });

    expect(
      withStanding(granted, { userId: 'bob', adminRoles: ['application_admin'], usable: true }, 'bob'),
    ).toMatchObject({ inactive: [], version: 4 });
    expect(
      withStanding(registry(), { userId: 'bob', adminRoles: [], usable: false }, 'bob')?.inactive,
    ).toEqual(['bob']);
    expect(withStanding(registry(), null, 'bob')).toMatchObject({ applicationAdmins: ['ann'] });
    expect(withStanding(registry(), { userId: 'bob', adminRoles: [], usable: true }, 'bob')).toBeNull();
    expect(withStanding(registry(), { userId: 'cy', adminRoles: [], usable: false }, 'cy')).toBeNull();
  });

  it('enrolls an account created with roles, unless it is there or a change of it is under way', () => {
    const account = { userId: 'cy', adminRoles: ['application_admin'] as const, usable: true };

    expect(enrolled(registry(), { ...account, adminRoles: [...account.adminRoles] })).toMatchObject({
      applicationAdmins: ['ann', 'bob', 'cy'],
      inactive: [],
      version: 4,
    });
    expect(enrolled(registry(), { ...account, userId: 'ann', adminRoles: ['application_admin'] })).toBeNull();
    expect(
      enrolled(registry({ unsettled: [{ userId: 'cy', since: now }] }), {
        ...account,
        adminRoles: ['application_admin'],
      }),
    ).toBeNull();
  });

  it('leaves a change under way to whoever made it, and settles it once it is too old to be under way', () => {
    const marked = registry({ unsettled: [{ userId: 'bob', since: now }] });

    expect(abandonedEntries(marked, new Date(now.getTime() + SETTLE_AFTER_MS - 1))).toEqual([]);
    expect(abandonedEntries(marked, new Date(now.getTime() + SETTLE_AFTER_MS))).toEqual(marked.unsettled);
  });
});
