import {
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
} from '../../testing/identity-testbed';

describe('ExpireDueUsersUseCase (ID-U3)', () => {
  it('expires every user of every tenant whose expiry has passed, batch after batch, each with one user.updated', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-01T00:00:00.000Z' });
    const due = [
      ...(await Promise.all(
        Array.from({ length: 5 }, (_, at) =>
          testbed.givenUser({ expiresAt: new Date(Date.UTC(2026, 2, 1, at + 1)) }),
        ),
      )),
      await testbed.givenUser({ tenantId: OTHER_TENANT, expiresAt: new Date('2026-03-01T12:00:00.000Z') }),
    ];
    const notYet = await testbed.givenUser({ expiresAt: new Date('2026-04-01T00:00:00.000Z') });
    const never = await testbed.givenUser();
    testbed.clock.set('2026-03-02T09:00:00.000Z');

    expect(await testbed.expireDueUsers.execute({ batchSize: 2 })).toEqual({ expired: 6 });

    for (const user of due)
      expect(await testbed.users.findById(user.tenantId, user.id)).toMatchObject({
        state: 'expired',
        stateBeforeExpiry: 'activated',
        version: 2,
      });
    for (const user of [notYet, never])
      expect((await testbed.users.findById(TEST_TENANT, user.id))?.state).toBe('activated');
    const events = testbed.outbox.drain().map((entry) => entry.envelope);
    expect(events.map((event) => [event.type, event.aggregateId]).sort()).toEqual(
      due.map((user) => ['user.updated', user.id]).sort(),
    );
    expect(events.every((event) => (event.payload as { state: string }).state === 'expired')).toBe(true);
    expect(await testbed.expireDueUsers.execute({ batchSize: 2 })).toEqual({ expired: 0 });
  });

  it('given a deactivated user whose expiry passes, then it expires and remembers it was deactivated', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser({ expiresAt: new Date('2026-03-02T10:00:00.000Z') });
    await testbed.changeUserState.execute({ actor: administratorOf(), userId: ada.id, action: 'deactivate' });
    testbed.clock.advance(3_600_000);

    await testbed.expireDueUsers.execute({ batchSize: 10 });

    expect(await testbed.users.findById(TEST_TENANT, ada.id)).toMatchObject({
      state: 'expired',
      stateBeforeExpiry: 'deactivated',
    });
  });

  it('given two sweeps at once, then each user expires once, with one event', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-01T00:00:00.000Z' });
    const due = await Promise.all(
      Array.from({ length: 10 }, () =>
        testbed.givenUser({ expiresAt: new Date('2026-03-01T01:00:00.000Z') }),
      ),
    );
    testbed.clock.set('2026-03-02T00:00:00.000Z');

    const [first, second] = await Promise.all([
      testbed.expireDueUsers.execute({ batchSize: 3 }),
      testbed.expireDueUsers.execute({ batchSize: 3 }),
    ]);

    expect(first.expired + second.expired).toBe(10);
    expect(
      testbed.outbox
        .drain()
        .map((entry) => entry.envelope.aggregateId)
        .sort(),
    ).toEqual(due.map((user) => user.id).sort());
  });
});
