import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('managers and managees (ID-G4)', () => {
  it('given ids, adds the active ones and tells per id what happened', async () => {
    const testbed = buildIdentityTestbed();
    const manager = await testbed.givenUser();
    const [ann, bob, gone] = [
      await testbed.givenUser(),
      await testbed.givenUser(),
      await testbed.givenUser(),
    ];
    await testbed.givenUserChanged(gone, { state: 'deactivated' });
    await testbed.givenManagee(TEST_TENANT, manager.id, bob.id);
    const stranger = await testbed.givenUser({ tenantId: OTHER_TENANT });
    const unknown = randomUUID();

    const results = await testbed.addManagees.execute({
      tenantId: TEST_TENANT,
      managerId: manager.id,
      userIds: [ann.id, bob.id, gone.id, manager.id, stranger.id, unknown, ann.id],
    });

    expect(results).toEqual([
      { userId: ann.id, email: null, outcome: 'added' },
      { userId: bob.id, email: null, outcome: 'already' },
      { userId: gone.id, email: null, outcome: 'not_active' },
      { userId: manager.id, email: null, outcome: 'self' },
      { userId: stranger.id, email: null, outcome: 'not_found' },
      { userId: unknown, email: null, outcome: 'not_found' },
    ]);
    const events = testbed.outbox.drain();
    expect(events.map((e) => [e.envelope.type, e.key])).toEqual([
      ['manager.managee-added', `${TEST_TENANT}:${manager.id}:${ann.id}`],
    ]);
    expect(events[0].envelope.payload).toEqual({ managerId: manager.id, manageeId: ann.id });
  });

  it('given a first managee, then its manager becomes a Manager, published with the user', async () => {
    const testbed = buildIdentityTestbed();
    const [manager, ann] = [await testbed.givenUser(), await testbed.givenUser()];

    await testbed.addManagees.execute({ tenantId: TEST_TENANT, managerId: manager.id, userIds: [ann.id] });

    const events = testbed.outbox.drain();
    expect(events.map((e) => [e.envelope.type, e.key])).toEqual([
      ['manager.managee-added', `${TEST_TENANT}:${manager.id}:${ann.id}`],
      ['user.updated', `${TEST_TENANT}:${manager.id}`],
    ]);
    expect(events[1].envelope.payload).toMatchObject({ isManager: true, isAgent: false });
    expect(await testbed.users.findById(TEST_TENANT, manager.id)).toMatchObject({ isManager: true });
  });

  it('given emails in any case, finds the users of the tenant by them', async () => {
    const testbed = buildIdentityTestbed();
    const manager = await testbed.givenUser();
    const ann = await testbed.givenUser({ email: 'ann@example.com' });

    const results = await testbed.addManagees.execute({
      tenantId: TEST_TENANT,
      managerId: manager.id,
      emails: ['ANN@example.com', 'nobody@example.com', 'not an email'],
    });

    expect(results).toEqual([
      { userId: ann.id, email: 'ANN@example.com', outcome: 'added' },
      { userId: null, email: 'nobody@example.com', outcome: 'not_found' },
      { userId: null, email: 'not an email', outcome: 'not_found' },
    ]);
  });

  it('refuses both lists, neither, or more than 1,000, and an unknown manager', async () => {
    const testbed = buildIdentityTestbed();
    const manager = await testbed.givenUser();
    const run = (lists: { userIds?: string[]; emails?: string[] }, managerId = manager.id) =>
      testbed.addManagees.execute({ tenantId: TEST_TENANT, managerId, ...lists });

    for (const lists of [{}, { userIds: [randomUUID()], emails: ['a@example.com'] }, { userIds: [] }]) {
      await expect(run(lists)).rejects.toMatchObject({ code: 'MANAGEE.REQUEST_INVALID', kind: 'invalid' });
    }
    await expect(run({ userIds: Array.from({ length: 1001 }, () => randomUUID()) })).rejects.toMatchObject({
      code: 'MANAGEE.REQUEST_INVALID',
    });
    await expect(run({ userIds: [randomUUID()] }, randomUUID())).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
    });
  });

  it('lists the managees page by page, and removes one: without managees the manager is no Manager', async () => {
    const testbed = buildIdentityTestbed();
    const manager = await testbed.givenUser();
    const [ann, bob] = [await testbed.givenUser(), await testbed.givenUser()];
    await testbed.givenManagee(TEST_TENANT, manager.id, ann.id);
    testbed.clock.advance(1);
    await testbed.givenManagee(TEST_TENANT, manager.id, bob.id);

    const first = await testbed.listManagees.execute({
      tenantId: TEST_TENANT,
      managerId: manager.id,
      page: { limit: 1 },
    });
    const rest = await testbed.listManagees.execute({
      tenantId: TEST_TENANT,
      managerId: manager.id,
      page: { limit: 1, cursor: first.nextCursor ?? undefined },
    });
    expect([...first.items, ...rest.items].map((r) => r.manageeId)).toEqual([ann.id, bob.id]);

    await testbed.removeManagee.execute({ tenantId: TEST_TENANT, managerId: manager.id, manageeId: ann.id });
    expect(await testbed.users.findById(TEST_TENANT, manager.id)).toMatchObject({ isManager: true });
    await testbed.removeManagee.execute({ tenantId: TEST_TENANT, managerId: manager.id, manageeId: bob.id });

    const events = testbed.outbox.drain();
    expect(events.map((e) => e.envelope.type)).toEqual([
      'manager.managee-removed',
      'manager.managee-removed',
      'user.updated',
    ]);
    expect(await testbed.users.findById(TEST_TENANT, manager.id)).toMatchObject({ isManager: false });
    await expect(
      testbed.removeManagee.execute({ tenantId: TEST_TENANT, managerId: manager.id, manageeId: bob.id }),
    ).rejects.toMatchObject({ code: 'MANAGEE.NOT_FOUND', kind: 'not_found' });
  });
});
