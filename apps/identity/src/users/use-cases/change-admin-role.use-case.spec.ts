import { SETTLE_AFTER_MS } from '../../admin-roles/domain/admin-registry';
import { failOnce } from '../../testing/fail-once';
import { actorFor, administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

const HOST = '1000';

describe('ChangeAdminRoleUseCase (ID-R1, ID-R2)', () => {
  it('grants the Application Administrator role: the registry first, then the account, with user.updated', async () => {
    const testbed = buildIdentityTestbed();
    const ann = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const bob = await testbed.givenUser();

    const written = await testbed.changeAdminRole.execute({
      actor: actorFor(ann),
      userId: bob.id,
      role: 'application_admin',
      change: 'grant',
    });

    expect(written).toMatchObject({
      outcome: 'changed',
      user: { adminRoles: ['application_admin'], version: 2 },
    });
    expect(testbed.outbox.drain().map((entry) => [entry.envelope.type, entry.envelope.payload])).toEqual([
      ['user.updated', expect.objectContaining({ userId: bob.id, adminRoles: ['application_admin'] })],
    ]);
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      applicationAdmins: [ann.id, bob.id],
      inactive: [],
      unsettled: [],
    });
  });

  it('given a role the user has, or lacks, then granting or revoking it changes nothing', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];
    const cy = await testbed.givenUser();

    for (const [userId, change] of [
      [bob.id, 'grant'],
      [cy.id, 'revoke'],
    ] as const)
      expect(
        (
          await testbed.changeAdminRole.execute({
            actor: actorFor(ann),
            userId,
            role: 'application_admin',
            change,
          })
        ).outcome,
      ).toBe('unchanged');
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('revokes a fellow administrator’s role; nobody revokes its own (ADMIN_ROLE.OWN_ROLE)', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];

    await expect(
      testbed.changeAdminRole.execute({
        actor: actorFor(ann),
        userId: ann.id,
        role: 'application_admin',
        change: 'revoke',
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE.OWN_ROLE', kind: 'forbidden' });
    const written = await testbed.changeAdminRole.execute({
      actor: actorFor(ann),
      userId: bob.id,
      role: 'application_admin',
      change: 'revoke',
    });

    expect(written.user.adminRoles).toEqual([]);
    expect((await testbed.adminRegistries.find(TEST_TENANT))?.applicationAdmins).toEqual([ann.id]);
  });

  it('given the last administrator of a tenant, then its role stays (ADMIN_ROLE.LAST_ADMIN)', async () => {
    const testbed = buildIdentityTestbed();
    const ann = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const bob = await testbed.givenUser({ adminRoles: ['application_admin'] });
    await testbed.changeUserState.execute({ actor: actorFor(bob), userId: ann.id, action: 'deactivate' });

    await expect(
      testbed.changeAdminRole.execute({
        actor: administratorOf(),
        userId: bob.id,
        role: 'application_admin',
        change: 'revoke',
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE.LAST_ADMIN', kind: 'conflict' });
    expect((await testbed.users.findById(TEST_TENANT, bob.id))?.adminRoles).toEqual(['application_admin']);
  });

  it('given two administrators removing each other’s role at once, then the tenant keeps one', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];

    const outcomes = await Promise.allSettled([
      testbed.changeAdminRole.execute({
        actor: actorFor(ann),
        userId: bob.id,
        role: 'application_admin',
        change: 'revoke',
      }),
      testbed.changeAdminRole.execute({
        actor: actorFor(bob),
        userId: ann.id,
        role: 'application_admin',
        change: 'revoke',
      }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'ADMIN_ROLE.LAST_ADMIN' },
    });
    const accounts = await Promise.all(
      [ann, bob].map((each) => testbed.users.findById(TEST_TENANT, each.id)),
    );
    expect(accounts.filter((each) => each?.adminRoles.includes('application_admin'))).toHaveLength(1);
    expect((await testbed.adminRegistries.find(TEST_TENANT))?.applicationAdmins).toHaveLength(1);
  });
});

describe('ChangeAdminRoleUseCase — the System Administrator role (ID-R3)', () => {
  it('is granted and revoked only by a System Administrator; an Application Administrator of the host tenant gets USER.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    const root = await testbed.givenUser({ tenantId: HOST, adminRoles: ['system_admin'] });
    const hostAdmin = await testbed.givenUser({ tenantId: HOST, adminRoles: ['application_admin'] });
    const ada = await testbed.givenUser({ tenantId: HOST });

    await expect(
      testbed.changeAdminRole.execute({
        actor: actorFor(hostAdmin),
        userId: ada.id,
        role: 'system_admin',
        change: 'grant',
      }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
    const granted = await testbed.changeAdminRole.execute({
      actor: actorFor(root),
      userId: ada.id,
      role: 'system_admin',
      change: 'grant',
    });
    expect(granted.user.adminRoles).toEqual(['system_admin']);
    await expect(
      testbed.changeAdminRole.execute({
        actor: actorFor(hostAdmin),
        userId: ada.id,
        role: 'system_admin',
        change: 'revoke',
      }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });

  it('given the last System Administrator of the installation, then a fellow one cannot be removed, even with Application Administrators left', async () => {
    const testbed = buildIdentityTestbed();
    const root = await testbed.givenUser({ tenantId: HOST, adminRoles: ['system_admin'] });
    const toor = await testbed.givenUser({ tenantId: HOST, adminRoles: ['system_admin'] });
    await testbed.givenUser({ tenantId: HOST, adminRoles: ['application_admin'] });

    await testbed.changeAdminRole.execute({
      actor: actorFor(root),
      userId: toor.id,
      role: 'system_admin',
      change: 'revoke',
    });

    await expect(
      testbed.changeAdminRole.execute({
        actor: administratorOf(HOST),
        userId: root.id,
        role: 'system_admin',
        change: 'revoke',
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE.LAST_ADMIN' });
  });
});

describe('AdministratorRegistry — a change cut short (ID-R2)', () => {
  it('given a crash between the registry and the account, then the account follows the registry once the change is old enough: on the next change of the tenant, or at the reconcile', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob, cy] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];
    failOnce(testbed.users, 'update');

    await expect(
      testbed.changeAdminRole.execute({
        actor: actorFor(ann),
        userId: bob.id,
        role: 'application_admin',
        change: 'revoke',
      }),
    ).rejects.toThrow('connection lost');

    // The registry decided: Bob no longer counts, and his account is marked unsettled.
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      applicationAdmins: [ann.id, cy.id],
      unsettled: [{ userId: bob.id }],
    });
    expect((await testbed.users.findById(TEST_TENANT, bob.id))?.adminRoles).toEqual(['application_admin']);

    // Too young to be taken for abandoned: the reconcile leaves it to whoever is making it.
    expect(await testbed.administratorRegistry.settleAbandoned()).toEqual({ tenants: 0, failed: 0 });

    testbed.clock.advance(SETTLE_AFTER_MS);
    expect(await testbed.administratorRegistry.settleAbandoned()).toEqual({ tenants: 1, failed: 0 });

    expect((await testbed.users.findById(TEST_TENANT, bob.id))?.adminRoles).toEqual([]);
    expect((await testbed.adminRegistries.find(TEST_TENANT))?.unsettled).toEqual([]);
    expect(testbed.outbox.drain().map((entry) => [entry.envelope.type, entry.envelope.aggregateId])).toEqual([
      ['user.updated', bob.id],
    ]);
  });

  it('given the account write failing after the registry stopped counting the administrator, then the registry counts it again at once', async () => {
    const testbed = buildIdentityTestbed();
    const ann = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const bob = await testbed.givenUser({ adminRoles: ['application_admin'] });
    failOnce(testbed.users, 'update');

    await expect(
      testbed.changeUserState.execute({ actor: actorFor(ann), userId: bob.id, action: 'deactivate' }),
    ).rejects.toThrow('connection lost');

    expect((await testbed.users.findById(TEST_TENANT, bob.id))?.state).toBe('activated');
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({ inactive: [], unsettled: [] });
  });

  it('given a deactivation cut short right after the registry (a crash), then the next change of the tenant settles it first', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];
    // The deactivation's first step, then the process dies: the account is never written.
    await testbed.administratorRegistry.retire(TEST_TENANT, bob.id);
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      inactive: [bob.id],
      unsettled: [{ userId: bob.id }],
    });

    // A change of the tenant while the mark is young leaves it to whoever made it.
    await expect(
      testbed.changeUserState.execute({ actor: actorFor(bob), userId: ann.id, action: 'deactivate' }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE.LAST_ADMIN' });
    testbed.clock.advance(SETTLE_AFTER_MS);
    await testbed.changeUserState.execute({ actor: actorFor(bob), userId: ann.id, action: 'deactivate' });

    expect((await testbed.users.findById(TEST_TENANT, bob.id))?.state).toBe('activated');
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      inactive: [ann.id],
      unsettled: [],
    });
  });
});
