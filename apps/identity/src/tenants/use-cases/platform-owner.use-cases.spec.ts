import { buildIdentityTestbed } from '../../testing/identity-testbed';

describe('Platform Owner (ID-G5)', () => {
  async function setUp() {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const { tenant, administratorId } = await testbed.givenTenant('acme');
    const owner = {
      tenantId: 'acme',
      userId: administratorId,
      roles: ['application_admin'],
      level: 'superadmin',
    };
    const heir = await testbed.givenUser({ tenantId: 'acme' });
    return { testbed, tenant, owner, heir };
  }

  it('given a new tenant, then its first administrator is its owner, read by its administrators only', async () => {
    const { testbed, owner, heir } = await setUp();

    expect((await testbed.getPlatformOwner.execute(owner)).ownerId).toBe(owner.userId);
    await expect(
      testbed.getPlatformOwner.execute({ tenantId: 'acme', userId: heir.id, roles: [] }),
    ).rejects.toMatchObject({ code: 'TENANT.FORBIDDEN' });
  });

  it('given the owner hands ownership to a plain user, then that user owns the platform and is an Application Administrator, the former owner keeps its role, and tenant.updated names the new owner', async () => {
    const { testbed, tenant, owner, heir } = await setUp();

    const handed = await testbed.handPlatformOwnership.execute({ actor: owner, userId: heir.id });

    expect(handed).toMatchObject({ ownerId: heir.id, version: tenant.version + 1 });
    expect((await testbed.users.findById('acme', heir.id))?.adminRoles).toEqual(['application_admin']);
    expect((await testbed.users.findById('acme', owner.userId))?.adminRoles).toEqual(['application_admin']);
    const events = testbed.outbox.drain().filter((e) => e.envelope.type === 'tenant.updated');
    expect(events.map((e) => e.envelope.payload)).toEqual([expect.objectContaining({ ownerId: heir.id })]);

    // The former owner is an administrator now, no longer the owner.
    await expect(
      testbed.handPlatformOwnership.execute({ actor: owner, userId: owner.userId }),
    ).rejects.toMatchObject({ code: 'TENANT.NOT_OWNER' });
  });

  it('given ownership handed to the owner itself, then nothing changes and nothing is published', async () => {
    const { testbed, tenant, owner } = await setUp();

    expect(await testbed.handPlatformOwnership.execute({ actor: owner, userId: owner.userId })).toEqual(
      await testbed.tenants.findById('acme'),
    );
    expect((await testbed.tenants.findById('acme'))?.version).toBe(tenant.version);
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given another administrator, an unknown heir or a deactivated one, then each is refused with its code and nothing changes', async () => {
    const { testbed, owner, heir } = await setUp();
    const other = await testbed.givenUser({ tenantId: 'acme', adminRoles: ['application_admin'] });
    const asOther = { tenantId: 'acme', userId: other.id, roles: ['application_admin'] };
    const gone = await testbed.givenUserChanged(await testbed.givenUser({ tenantId: 'acme' }), {
      state: 'deactivated',
    });

    await expect(
      testbed.handPlatformOwnership.execute({ actor: asOther, userId: heir.id }),
    ).rejects.toMatchObject({
      code: 'TENANT.NOT_OWNER',
    });
    await expect(
      testbed.handPlatformOwnership.execute({ actor: owner, userId: '0190c0de-0000-7000-8000-00000000dead' }),
    ).rejects.toMatchObject({ code: 'TENANT.OWNER_INVALID', details: { reason: 'unknown' } });
    await expect(
      testbed.handPlatformOwnership.execute({ actor: owner, userId: gone.id }),
    ).rejects.toMatchObject({
      code: 'TENANT.OWNER_INVALID',
      details: { reason: 'not_active' },
    });
    expect((await testbed.tenants.findById('acme'))?.ownerId).toBe(owner.userId);
  });

  it('given a tenant stored before tenants had an owner, then any of its administrators names one', async () => {
    const { testbed, tenant, heir } = await setUp();
    const stored = await testbed.tenants.findById('acme');
    await testbed.tenants.update(
      { ...stored!, ownerId: null, version: tenant.version + 1 },
      tenant.version,
      [],
    );
    const other = await testbed.givenUser({ tenantId: 'acme', adminRoles: ['application_admin'] });

    const named = await testbed.handPlatformOwnership.execute({
      actor: { tenantId: 'acme', userId: other.id, roles: ['application_admin'] },
      userId: heir.id,
    });

    expect(named.ownerId).toBe(heir.id);
  });
});

describe("the Platform Owner's account (ID-G5)", () => {
  it('given the owner, then its account is neither deactivated nor deleted, nor left without an administrator role, until it hands the ownership on', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const { administratorId } = await testbed.givenTenant('acme');
    const other = await testbed.givenUser({ tenantId: 'acme', adminRoles: ['application_admin'] });
    const asOther = { tenantId: 'acme', userId: other.id, level: 'user', roles: ['application_admin'] };

    await expect(
      testbed.changeUserState.execute({ actor: asOther, userId: administratorId, action: 'deactivate' }),
    ).rejects.toMatchObject({ code: 'USER.OWNER' });
    await expect(
      testbed.deleteUser.execute({ actor: asOther, userId: administratorId }),
    ).rejects.toMatchObject({
      code: 'USER.OWNER',
    });
    await expect(
      testbed.changeAdminRole.execute({
        actor: asOther,
        userId: administratorId,
        role: 'application_admin',
        change: 'revoke',
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE.OWNER' });
    expect((await testbed.users.findById('acme', administratorId))?.state).not.toBe('deactivated');

    await testbed.handPlatformOwnership.execute({
      actor: { tenantId: 'acme', userId: administratorId, roles: ['application_admin'] },
      userId: other.id,
    });
    const deactivated = await testbed.changeUserState.execute({
      actor: asOther,
      userId: administratorId,
      action: 'deactivate',
    });
    expect(deactivated.user.state).toBe('deactivated');
  });
});
