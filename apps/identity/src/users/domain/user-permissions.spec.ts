import { PERMISSION_RIGHTS } from '@lms/contracts';
import {
  asSeenBy,
  decideUserAction,
  managesEveryUser,
  needsScope,
  powerUserRightsAllow,
  type UserAction,
  type UserActor,
  type UserTarget,
} from './user-permissions';

const HOST = '1000';
const ACME = 'acme';

function actor(overrides: Partial<UserActor> = {}): UserActor {
  return { tenantId: ACME, userId: 'actor', level: 'user', roles: [], ...overrides };
}

function target(overrides: Partial<UserTarget> = {}): UserTarget {
  return { id: 'target', tenantId: ACME, level: 'user', adminRoles: [], ...overrides };
}

const MANAGING: UserAction[] = [
  'read',
  'update_profile',
  'update_account',
  'change_expiry',
  'change_state',
  'delete',
];

const systemAdministrator = actor({ tenantId: HOST, roles: ['system_admin'] });
const applicationAdministrator = actor({ roles: ['application_admin'] });
const superadmin = actor({ level: 'superadmin' });
const powerUser = actor({ level: 'power_user' });
const plainUser = actor();

describe('decideUserAction (ID-R1, ID-R4, ID-U2)', () => {
  it('given a System Administrator, an Application Administrator or a superadmin, then every user of its tenant is managed', () => {
    for (const manager of [systemAdministrator, applicationAdministrator, superadmin]) {
      const user = target({ tenantId: manager.tenantId });
      for (const action of MANAGING)
        expect(decideUserAction(manager, action, user)).toEqual({ allowed: true });
      expect(decideUserAction(manager, 'list')).toEqual({ allowed: true });
      expect(decideUserAction(manager, 'create')).toEqual({ allowed: true });
    }
  });

  it('given a user of another tenant, then nobody may do anything to it, a System Administrator included', () => {
    for (const manager of [systemAdministrator, applicationAdministrator, superadmin])
      for (const action of MANAGING)
        expect(decideUserAction(manager, action, target({ tenantId: 'elsewhere' }))).toEqual({
          allowed: false,
          code: 'USER.FORBIDDEN',
        });
  });

  it('given the system_admin role outside the host tenant, then it counts as an Application Administrator only', () => {
    const misplaced = actor({ roles: ['system_admin'] });

    expect(decideUserAction(misplaced, 'delete', target())).toEqual({ allowed: true });
    expect(decideUserAction(misplaced, 'grant_role', target(), { role: 'system_admin' })).toEqual({
      allowed: false,
      code: 'USER.FORBIDDEN',
    });
  });

  it('given a plain user, then it reads only itself, and neither lists, creates nor changes anyone', () => {
    expect(decideUserAction(plainUser, 'read', target({ id: 'actor' }))).toEqual({ allowed: true });
    expect(decideUserAction(plainUser, 'read', target())).toEqual({ allowed: false, code: 'USER.FORBIDDEN' });
    for (const action of ['update_profile', 'update_account', 'grant_role'] as const)
      expect(
        decideUserAction(plainUser, action, target({ id: 'actor' }), { role: 'application_admin' }),
      ).toEqual({ allowed: false, code: 'USER.FORBIDDEN' });
    expect(decideUserAction(plainUser, 'list')).toEqual({ allowed: false, code: 'USER.FORBIDDEN' });
    expect(decideUserAction(plainUser, 'create')).toEqual({ allowed: false, code: 'USER.FORBIDDEN' });
  });

  it('given a power user whose profile holds every right on users, then it reads, edits and (de)activates the plain users of its scope, and nothing more', () => {
    const powerUserRights = [...PERMISSION_RIGHTS];
    const inScope = { targetInScope: true, powerUserRights };
    for (const action of ['read', 'update_profile', 'change_state'] as const) {
      expect(decideUserAction(powerUser, action, target(), inScope)).toEqual({ allowed: true });
      expect(
        decideUserAction(powerUser, action, target(), { targetInScope: false, powerUserRights }),
      ).toEqual({
        allowed: false,
        code: 'USER.FORBIDDEN',
      });
    }
    for (const action of ['update_account', 'change_expiry', 'delete'] as const)
      expect(decideUserAction(powerUser, action, target(), inScope)).toEqual({
        allowed: false,
        code: 'USER.FORBIDDEN',
      });
    for (const outranking of [
      target({ level: 'superadmin' }),
      target({ level: 'power_user' }),
      target({ adminRoles: ['application_admin'] }),
    ])
      expect(decideUserAction(powerUser, 'read', outranking, inScope)).toEqual({
        allowed: false,
        code: 'USER.FORBIDDEN',
      });
    expect(decideUserAction(powerUser, 'list')).toEqual({ allowed: false, code: 'USER.FORBIDDEN' });
  });

  it("given a power user, then it does to the users of its scope exactly what its profile's rights allow", () => {
    const may = (rights: string[]) =>
      MANAGING.filter(
        (action) =>
          decideUserAction(powerUser, action, target(), { targetInScope: true, powerUserRights: rights })
            .allowed,
      );

    expect(may(['users.read'])).toEqual(['read']);
    expect(may(['users.update_profile'])).toEqual(['read', 'update_profile']);
    expect(may(['users.change_state'])).toEqual(['read', 'change_state']);
    expect(may(['users.read', 'users.change_state'])).toEqual(['read', 'change_state']);
    expect(may(['assignments.manage', 'enrollments.manage'])).toEqual([]);
    expect(may(['users.delete', 'read'])).toEqual([]);
    expect(may([])).toEqual([]);
  });

  it('given a power user without a profile, then it reads itself only, as a plain user does', () => {
    expect(decideUserAction(powerUser, 'read', target({ id: 'actor' }))).toEqual({ allowed: true });
    for (const action of MANAGING)
      expect(decideUserAction(powerUser, action, target(), { targetInScope: true })).toEqual({
        allowed: false,
        code: 'USER.FORBIDDEN',
      });
  });

  it('given an administrator or a superadmin, then a profile never narrows what it may do (ID-U2)', () => {
    for (const manager of [systemAdministrator, applicationAdministrator, superadmin]) {
      const user = target({ tenantId: manager.tenantId });
      for (const action of MANAGING)
        expect(
          decideUserAction(manager, action, user, { targetInScope: false, powerUserRights: [] }),
        ).toEqual({
          allowed: true,
        });
    }
    expect(
      decideUserAction(actor({ level: 'superadmin' }), 'delete', target(), {
        powerUserRights: ['users.read'],
      }),
    ).toEqual({ allowed: true });
  });

  it('tells which rights allow which action on a user, ignoring rights it does not know', () => {
    expect(powerUserRightsAllow(['users.read'], 'read')).toBe(true);
    expect(powerUserRightsAllow(['users.read'], 'update_profile')).toBe(false);
    expect(powerUserRightsAllow(['users.change_state'], 'change_expiry')).toBe(false);
    expect(powerUserRightsAllow(['enrollments.manage'], 'read')).toBe(false);
    expect(powerUserRightsAllow(['constructor', 'toString'], 'read')).toBe(false);
  });

  it('asks for the scope only for a power user acting on another plain user', () => {
    expect(needsScope(powerUser, target())).toBe(true);
    expect(needsScope(powerUser, target({ id: 'actor' }))).toBe(false);
    expect(needsScope(powerUser, target({ level: 'superadmin' }))).toBe(false);
    expect(needsScope(applicationAdministrator, target())).toBe(false);
    expect(needsScope({ ...powerUser, roles: ['application_admin'] }, target())).toBe(false);
  });

  it('given several roles and a level, then the most permissive wins (ID-R4)', () => {
    const combined = actor({ level: 'power_user', roles: ['application_admin'] });

    expect(managesEveryUser(combined)).toBe(true);
    expect(decideUserAction(combined, 'delete', target(), { targetInScope: false })).toEqual({
      allowed: true,
    });
    expect(decideUserAction(actor({ level: 'superadmin', roles: [] }), 'list')).toEqual({ allowed: true });
  });
});

describe('decideUserAction — what nobody does to itself (ID-U5, ID-R2)', () => {
  const self = target({ id: 'actor', tenantId: HOST, adminRoles: ['system_admin'], level: 'superadmin' });

  it('given its own account, then nobody changes its state or expiry (USER.OWN_STATE)', () => {
    for (const action of ['change_state', 'change_expiry'] as const)
      expect(decideUserAction(systemAdministrator, action, self)).toEqual({
        allowed: false,
        code: 'USER.OWN_STATE',
      });
  });

  it('given its own account, then nobody deletes it (USER.OWN_DELETION)', () => {
    expect(decideUserAction(systemAdministrator, 'delete', self)).toEqual({
      allowed: false,
      code: 'USER.OWN_DELETION',
    });
  });

  it('given its own role, then nobody removes it (ADMIN_ROLE.OWN_ROLE)', () => {
    expect(decideUserAction(systemAdministrator, 'revoke_role', self, { role: 'system_admin' })).toEqual({
      allowed: false,
      code: 'ADMIN_ROLE.OWN_ROLE',
    });
  });

  it('given its own account, then a superadmin still edits its profile, password and level', () => {
    for (const action of ['read', 'update_profile', 'update_account'] as const)
      expect(decideUserAction(systemAdministrator, action, self)).toEqual({ allowed: true });
  });
});

describe('decideUserAction — administrators and their peers (ID-R2, ID-R3)', () => {
  const hostApplicationAdministrator = actor({ tenantId: HOST, roles: ['application_admin'] });
  const hostSuperadmin = actor({ tenantId: HOST, level: 'superadmin' });
  const aSystemAdministrator = target({ tenantId: HOST, adminRoles: ['system_admin'] });
  const anApplicationAdministrator = target({ adminRoles: ['application_admin'] });

  it('given an administrator, then only a peer of the same or a higher kind deactivates it, deletes it or changes its account (USER.PEER_REQUIRED)', () => {
    for (const action of ['change_state', 'change_expiry', 'update_account', 'delete'] as const) {
      expect(decideUserAction(hostApplicationAdministrator, action, aSystemAdministrator)).toEqual({
        allowed: false,
        code: 'USER.PEER_REQUIRED',
      });
      expect(decideUserAction(hostSuperadmin, action, aSystemAdministrator)).toEqual({
        allowed: false,
        code: 'USER.PEER_REQUIRED',
      });
      expect(decideUserAction(superadmin, action, anApplicationAdministrator)).toEqual({
        allowed: false,
        code: 'USER.PEER_REQUIRED',
      });
      expect(decideUserAction(systemAdministrator, action, aSystemAdministrator)).toEqual({ allowed: true });
      expect(decideUserAction(applicationAdministrator, action, anApplicationAdministrator)).toEqual({
        allowed: true,
      });
    }
  });

  it('given an administrator, then anyone managing users still reads it and edits its profile', () => {
    for (const action of ['read', 'update_profile'] as const)
      expect(decideUserAction(hostSuperadmin, action, aSystemAdministrator)).toEqual({ allowed: true });
  });

  it('given the System Administrator role, then only a System Administrator grants or revokes it', () => {
    for (const action of ['grant_role', 'revoke_role'] as const) {
      expect(
        decideUserAction(systemAdministrator, action, target({ tenantId: HOST }), { role: 'system_admin' }),
      ).toEqual({ allowed: true });
      for (const other of [hostApplicationAdministrator, hostSuperadmin])
        expect(decideUserAction(other, action, target({ tenantId: HOST }), { role: 'system_admin' })).toEqual(
          {
            allowed: false,
            code: 'USER.FORBIDDEN',
          },
        );
    }
  });

  it('given the Application Administrator role, then an administrator grants or revokes it, a superadmin without a role does not', () => {
    for (const action of ['grant_role', 'revoke_role'] as const) {
      expect(
        decideUserAction(applicationAdministrator, action, target(), { role: 'application_admin' }),
      ).toEqual({
        allowed: true,
      });
      expect(
        decideUserAction(systemAdministrator, action, target({ tenantId: HOST }), {
          role: 'application_admin',
        }),
      ).toEqual({ allowed: true });
      expect(decideUserAction(superadmin, action, target(), { role: 'application_admin' })).toEqual({
        allowed: false,
        code: 'USER.FORBIDDEN',
      });
    }
  });
});

describe('asSeenBy (ID-R3)', () => {
  const holder = { adminRoles: ['system_admin', 'application_admin'] as const };

  it('given a System Administrator, then it sees the System Administrator role', () => {
    expect(asSeenBy(systemAdministrator, { adminRoles: [...holder.adminRoles] }).adminRoles).toEqual([
      'system_admin',
      'application_admin',
    ]);
  });

  it('given anyone else, then the System Administrator role is stripped from what it sees', () => {
    for (const viewer of [
      applicationAdministrator,
      superadmin,
      actor({ tenantId: HOST, roles: ['application_admin'] }),
    ])
      expect(asSeenBy(viewer, { adminRoles: [...holder.adminRoles] }).adminRoles).toEqual([
        'application_admin',
      ]);
  });
});
