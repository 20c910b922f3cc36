import { randomUUID } from 'node:crypto';
import { actorFor, buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('BulkChangeUserStateUseCase (ID-U5)', () => {
  it('tells what became of each id: changed, unchanged, not found, forbidden, own state, last admin, expired', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ann = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const root = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const [ada, bob] = [await testbed.givenUser(), await testbed.givenUser()];
    await testbed.changeUserState.execute({ actor: actorFor(ann), userId: bob.id, action: 'deactivate' });
    const expired = await testbed.givenUser({ expiresAt: new Date('2026-03-01T00:00:00.000Z') });
    await testbed.expireDueUsers.execute({ batchSize: 10 });
    const elsewhere = await testbed.givenUser({ tenantId: OTHER_TENANT });
    await testbed.changeUserState.execute({ actor: actorFor(ann), userId: root.id, action: 'deactivate' });
    const superadmin = await testbed.givenUser({ level: 'superadmin' });
    testbed.outbox.drain();
    const missing = randomUUID();

    const asSuperadmin = await testbed.bulkChangeUserState.execute({
      actor: actorFor(superadmin),
      userIds: [ada.id, bob.id, missing, elsewhere.id, superadmin.id, ann.id, expired.id, ada.id],
      action: 'deactivate',
    });
    const asAnn = await testbed.bulkChangeUserState.execute({
      actor: actorFor(ann),
      userIds: [ann.id, root.id],
      action: 'deactivate',
    });
    const lastOne = await testbed.bulkChangeUserState.execute({
      actor: actorFor(root),
      userIds: [ann.id],
      action: 'deactivate',
    });

    expect(asSuperadmin).toEqual([
      { userId: ada.id, outcome: 'changed' },
      { userId: bob.id, outcome: 'unchanged' },
      { userId: missing, outcome: 'not_found' },
      { userId: elsewhere.id, outcome: 'not_found' },
      { userId: superadmin.id, outcome: 'own_state' },
      { userId: ann.id, outcome: 'forbidden' },
      { userId: expired.id, outcome: 'expired' },
    ]);
    expect(asAnn).toEqual([
      { userId: ann.id, outcome: 'own_state' },
      { userId: root.id, outcome: 'unchanged' },
    ]);
    expect(lastOne).toEqual([{ userId: ann.id, outcome: 'last_admin' }]);
    expect(testbed.outbox.drain().map((entry) => [entry.envelope.type, entry.envelope.aggregateId])).toEqual([
      ['user.updated', ada.id],
    ]);
  });

  it('activates many users at once, each by its own write', async () => {
    const testbed = buildIdentityTestbed();
    const users = await Promise.all(Array.from({ length: 20 }, () => testbed.givenUser()));
    for (const user of users)
      await testbed.changeUserState.execute({
        actor: { tenantId: TEST_TENANT, userId: null, level: 'superadmin', roles: [] },
        userId: user.id,
        action: 'deactivate',
      });
    testbed.outbox.drain();

    const results = await testbed.bulkChangeUserState.execute({
      actor: { tenantId: TEST_TENANT, userId: null, level: 'superadmin', roles: [] },
      userIds: users.map((user) => user.id),
      action: 'activate',
    });

    expect(results.map((result) => result.outcome)).toEqual(users.map(() => 'changed'));
    expect(testbed.outbox.drain()).toHaveLength(20);
  });
});
