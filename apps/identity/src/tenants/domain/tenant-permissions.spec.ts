import { decideTenantAction, type TenantAction } from './tenant-permissions';

const ACTIONS: TenantAction[] = ['create', 'list', 'read', 'update', 'delete'];

describe('decideTenantAction (ID-T2, ID-T3)', () => {
  it('given a System Administrator of the host tenant, then every action on a tenant is allowed', () => {
    for (const action of ACTIONS)
      expect(decideTenantAction({ tenantId: '1000', roles: ['system_admin'] }, action, 'acme')).toBe(
        'allowed',
      );
  });

  it('given a System Administrator, when it deletes the host tenant, then it is refused as undeletable', () => {
    expect(decideTenantAction({ tenantId: '1000', roles: ['system_admin'] }, 'delete', '1000')).toBe(
      'host-undeletable',
    );
    expect(decideTenantAction({ tenantId: '1000', roles: ['system_admin'] }, 'update', '1000')).toBe(
      'allowed',
    );
  });

  it('given an Application Administrator, then it can neither create tenants nor delete its own, nor do anything else here', () => {
    const applicationAdministrator = { tenantId: 'acme', roles: ['application_admin'] };

    expect(decideTenantAction(applicationAdministrator, 'create', 'other')).toBe('forbidden');
    expect(decideTenantAction(applicationAdministrator, 'delete', 'acme')).toBe('forbidden');
    for (const action of ACTIONS)
      expect(decideTenantAction(applicationAdministrator, action, 'acme')).toBe('forbidden');
  });

  it('given the system_admin role outside the host tenant, or a host user without it, then it is forbidden', () => {
    for (const action of ACTIONS) {
      expect(decideTenantAction({ tenantId: 'acme', roles: ['system_admin'] }, action, 'acme')).toBe(
        'forbidden',
      );
      expect(decideTenantAction({ tenantId: '1000', roles: ['application_admin'] }, action, 'acme')).toBe(
        'forbidden',
      );
      expect(decideTenantAction({ tenantId: '1000', roles: [] }, action)).toBe('forbidden');
    }
  });
});
