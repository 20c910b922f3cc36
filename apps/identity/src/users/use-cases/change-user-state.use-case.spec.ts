import { randomUUID } from 'node:crypto';
import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
} from '../../testing/identity-testbed';

const deactivate = 'deactivate' as const;
const activate = 'activate' as const;

describe('ChangeUserStateUseCase (ID-U3, ID-U5)', () => {
  it('given an active user, when deactivated, then deactivated at once, data kept, with user.updated carrying the full state', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser({ email: 'ada@example.com' });
    testbed.clock.advance(60_000);

    const written = await testbed.changeUserState.execute({
      actor: administratorOf(),
      userId: ada.id,
      action: deactivate,
    });

    expect(written.outcome).toBe('changed');
    expect(written.user).toMatchObject({ state: 'deactivated', email: 'ada@example.com', version: 2 });
    const [event] = testbed.outbox.drain();
    expect(event.envelope).toMatchObject({
      type: 'user.updated',
      tenantId: TEST_TENANT,
      aggregateId: ada.id,
      aggregateVersion: 2,
      occurredAt: '2026-03-02T09:01:00.000Z',
      payload: {
        userId: ada.id,
        email: 'ada@example.com',
        state: 'deactivated',
        adminRoles: [],
        level: 'user',
      },
    });
  });

  it('given a deactivated user, when activated, then activated if it never opened a course, active if it did', async () => {
    const testbed = buildIdentityTestbed();
    const never = await testbed.givenUser();
    const opened = await testbed.givenUser();
    await testbed.recordFirstCourseAccess.execute({
      tenantId: TEST_TENANT,
      userId: opened.id,
      at: testbed.clock.now(),
    });
    for (const user of [never, opened])
      await testbed.changeUserState.execute({
        actor: administratorOf(),
        userId: user.id,
        action: deactivate,
      });

    const restored = await Promise.all(
      [never, opened].map((user) =>
        testbed.changeUserState.execute({ actor: administratorOf(), userId: user.id, action: activate }),
      ),
    );

    expect(restored.map((each) => each.user.state)).toEqual(['activated', 'active']);
  });

  it('given the state it has already, then nothing is written and nothing published', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser();

    const written = await testbed.changeUserState.execute({
      actor: administratorOf(),
      userId: ada.id,
      action: activate,
    });

    expect(written).toEqual({ outcome: 'unchanged', user: ada });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given its own account, then nobody changes its own state (USER.OWN_STATE)', async () => {
    const testbed = buildIdentityTestbed();
    const admin = await testbed.givenUser({ level: 'superadmin' });

    await expect(
      testbed.changeUserState.execute({ actor: actorFor(admin), userId: admin.id, action: deactivate }),
    ).rejects.toMatchObject({ code: 'USER.OWN_STATE', kind: 'forbidden' });
    expect((await testbed.users.findById(TEST_TENANT, admin.id))?.state).toBe('activated');
  });

  it('given an expired user, then USER.EXPIRED: only moving its expiry restores it', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser({ expiresAt: new Date('2026-03-01T00:00:00.000Z') });
    await testbed.expireDueUsers.execute({ batchSize: 10 });

    for (const action of [activate, deactivate])
      await expect(
        testbed.changeUserState.execute({ actor: administratorOf(), userId: ada.id, action }),
      ).rejects.toMatchObject({ code: 'USER.EXPIRED', kind: 'conflict' });
  });

  it('given a user of another tenant or none, then USER.NOT_FOUND; a plain caller, USER.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    const elsewhere = await testbed.givenUser({ tenantId: OTHER_TENANT });
    const caller = await testbed.givenUser();
    const other = await testbed.givenUser();

    for (const userId of [elsewhere.id, randomUUID()])
      await expect(
        testbed.changeUserState.execute({ actor: administratorOf(), userId, action: deactivate }),
      ).rejects.toMatchObject({ code: 'USER.NOT_FOUND' });
    await expect(
      testbed.changeUserState.execute({ actor: actorFor(caller), userId: other.id, action: deactivate }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });
});

describe('ChangeUserStateUseCase — administrators (ID-R2, ID-R3)', () => {
  it('given an Application Administrator, then a superadmin without the role cannot deactivate it (USER.PEER_REQUIRED), a fellow administrator can', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];
    const superadmin = await testbed.givenUser({ level: 'superadmin' });

    await expect(
      testbed.changeUserState.execute({ actor: actorFor(superadmin), userId: bob.id, action: deactivate }),
    ).rejects.toMatchObject({ code: 'USER.PEER_REQUIRED' });
    await testbed.changeUserState.execute({ actor: actorFor(ann), userId: bob.id, action: deactivate });

    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      applicationAdmins: [ann.id, bob.id],
      inactive: [bob.id],
      unsettled: [],
    });
  });

  it('given the last active administrator of a tenant, then ADMIN_ROLE.LAST_ADMIN, and once another is activated it may go', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];
    await testbed.changeUserState.execute({ actor: actorFor(ann), userId: bob.id, action: deactivate });

    await expect(
      testbed.changeUserState.execute({ actor: administratorOf(), userId: ann.id, action: deactivate }),
    ).rejects.toMatchObject({ code: 'ADMIN_ROLE.LAST_ADMIN', kind: 'conflict' });
    expect((await testbed.users.findById(TEST_TENANT, ann.id))?.state).toBe('activated');

    await testbed.changeUserState.execute({ actor: actorFor(ann), userId: bob.id, action: activate });
    expect((await testbed.adminRegistries.find(TEST_TENANT))?.inactive).toEqual([]);
    await testbed.changeUserState.execute({ actor: actorFor(bob), userId: ann.id, action: deactivate });
    expect((await testbed.users.findById(TEST_TENANT, ann.id))?.state).toBe('deactivated');
  });

  it('given two administrators deactivating each other at once, then one of them stays active', async () => {
    const testbed = buildIdentityTestbed();
    const [ann, bob] = [
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
      await testbed.givenUser({ adminRoles: ['application_admin'] }),
    ];

    const outcomes = await Promise.allSettled([
      testbed.changeUserState.execute({ actor: actorFor(ann), userId: bob.id, action: deactivate }),
      testbed.changeUserState.execute({ actor: actorFor(bob), userId: ann.id, action: deactivate }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'ADMIN_ROLE.LAST_ADMIN' },
    });
    const states = await Promise.all([ann, bob].map((each) => testbed.users.findById(TEST_TENANT, each.id)));
    expect(states.map((each) => each?.state).sort()).toEqual(['activated', 'deactivated']);
  });
});
