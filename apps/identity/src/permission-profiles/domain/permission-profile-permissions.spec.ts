import type { UserActor } from '../../users/domain/user-permissions';
import { mayManagePermissionProfiles } from './permission-profile-permissions';

function actor(overrides: Partial<UserActor> = {}): UserActor {
  return { tenantId: 'acme', userId: 'actor', level: 'user', roles: [], ...overrides };
}

describe('mayManagePermissionProfiles (ID-U2)', () => {
  it('given a System or Application Administrator or a superadmin, then it manages the profiles', () => {
    for (const manager of [
      actor({ tenantId: '1000', roles: ['system_admin'] }),
      actor({ roles: ['application_admin'] }),
      actor({ level: 'superadmin' }),
      actor({ level: 'power_user', roles: ['application_admin'] }),
    ])
      expect(mayManagePermissionProfiles(manager)).toBe(true);
  });

  it('given a power user or a plain user, then it does not', () => {
    for (const other of [actor({ level: 'power_user' }), actor()])
      expect(mayManagePermissionProfiles(other)).toBe(false);
  });
});
