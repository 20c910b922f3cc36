import { randomUUID } from 'node:crypto';
import { failOnce } from '../../testing/fail-once';
import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
  type IdentityTestbed,
} from '../../testing/identity-testbed';
import type { BulkStateChange } from '../domain/bulk-state-change';
import type { UserActor } from '../domain/user-permissions';
import type { StartBulkStateChangeCommand } from './start-bulk-state-change.use-case';

/** Starts a bulk change and runs its job to the end, as the runner would; the change as it ends. */
async function bulkChange(
  testbed: IdentityTestbed,
  command: StartBulkStateChangeCommand,
): Promise<BulkStateChange> {
  const started = await testbed.startBulkStateChange.execute(command);
  await testbed.runBulkStateChange.execute({ tenantId: started.tenantId, bulkStateChangeId: started.id });
  return testbed.getBulkStateChange.execute({ actor: command.actor, bulkStateChangeId: started.id });
}

describe('RunBulkStateChangeUseCase (ID-U5)', () => {
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

    const asSuperadmin = await bulkChange(testbed, {
      actor: actorFor(superadmin),
      userIds: [ada.id, bob.id, missing, elsewhere.id, superadmin.id, ann.id, expired.id, ada.id],
      action: 'deactivate',
    });
    const asAnn = await bulkChange(testbed, {
      actor: actorFor(ann),
      userIds: [ann.id, root.id],
      action: 'deactivate',
    });
    const lastOne = await bulkChange(testbed, {
      actor: actorFor(root),
      userIds: [ann.id],
      action: 'deactivate',
    });

    expect(asSuperadmin.results).toEqual([
      { userId: ada.id, outcome: 'changed' },
      { userId: bob.id, outcome: 'unchanged' },
      { userId: missing, outcome: 'not_found' },
      { userId: elsewhere.id, outcome: 'not_found' },
      { userId: superadmin.id, outcome: 'own_state' },
      { userId: ann.id, outcome: 'forbidden' },
      { userId: expired.id, outcome: 'expired' },
    ]);
    expect(asAnn.results).toEqual([
      { userId: ann.id, outcome: 'own_state' },
      { userId: root.id, outcome: 'unchanged' },
    ]);
    expect(lastOne.results).toEqual([{ userId: ann.id, outcome: 'last_admin' }]);
    expect(testbed.outbox.drain().map((entry) => [entry.envelope.type, entry.envelope.aggregateId])).toEqual([
      ['user.updated', ada.id],
    ]);
  });

  it('activates many users, each by its own write', async () => {
    const testbed = buildIdentityTestbed();
    const users = await Promise.all(Array.from({ length: 20 }, () => testbed.givenUser()));
    for (const user of users)
      await testbed.changeUserState.execute({
        actor: administratorOf(TEST_TENANT),
        userId: user.id,
        action: 'deactivate',
      });
    testbed.outbox.drain();

    const change = await bulkChange(testbed, {
      actor: administratorOf(TEST_TENANT),
      userIds: users.map((user) => user.id),
      action: 'activate',
    });

    expect(change.results.map((result) => result.outcome)).toEqual(users.map(() => 'changed'));
    expect(testbed.outbox.drain()).toHaveLength(20);
  });

  it('given a change started, then nothing is changed yet: it is stored running, with its job enqueued under its id', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser();

    const started = await testbed.startBulkStateChange.execute({
      actor: administratorOf(TEST_TENANT),
      userIds: [ada.id, ada.id],
      action: 'deactivate',
    });

    expect(started).toMatchObject({
      tenantId: TEST_TENANT,
      state: 'running',
      userIds: [ada.id],
      results: [],
      finishedAt: null,
      version: 1,
    });
    expect(await testbed.bulkStateChanges.findById(TEST_TENANT, started.id)).toEqual(started);
    expect([...testbed.jobs.jobs.values()]).toEqual([
      expect.objectContaining({
        id: `user.bulk-state-change:${started.id}`,
        tenantId: TEST_TENANT,
        input: { bulkStateChangeId: started.id },
      }),
    ]);
    expect(await testbed.users.findById(TEST_TENANT, ada.id)).toMatchObject({ state: 'activated' });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('runs chunk by chunk, saving the results of each, and finishes with the last', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    testbed.config.users.bulkStateChunkSize = 50;
    const users = await Promise.all(Array.from({ length: 120 }, () => testbed.givenUser()));
    const started = await testbed.startBulkStateChange.execute({
      actor: administratorOf(TEST_TENANT),
      userIds: users.map((user) => user.id),
      action: 'deactivate',
    });
    const command = { tenantId: TEST_TENANT, bulkStateChangeId: started.id };
    const saved = async () =>
      (await testbed.bulkStateChanges.findById(TEST_TENANT, started.id)) as BulkStateChange;

    expect(await testbed.runBulkStateChange.runChunk(command)).toEqual({ more: true });
    expect((await saved()).results).toHaveLength(50);
    expect(await testbed.runBulkStateChange.runChunk(command)).toEqual({ more: true });
    testbed.clock.advance(60_000);
    expect(await testbed.runBulkStateChange.runChunk(command)).toEqual({ more: false });

    expect(await saved()).toMatchObject({
      state: 'finished',
      finishedAt: new Date('2026-03-02T09:01:00.000Z'),
      version: 4,
    });
    expect((await saved()).results).toEqual(users.map((user) => ({ userId: user.id, outcome: 'changed' })));
    expect(await testbed.runBulkStateChange.runChunk(command)).toEqual({ more: false });
    expect(testbed.outbox.drain()).toHaveLength(120);
  });

  it('given a chunk whose progress was not saved, when it runs again, then no user changes twice and each id has one result', async () => {
    const testbed = buildIdentityTestbed();
    testbed.config.users.bulkStateChunkSize = 2;
    const users = await Promise.all(Array.from({ length: 3 }, () => testbed.givenUser()));
    const started = await testbed.startBulkStateChange.execute({
      actor: administratorOf(TEST_TENANT),
      userIds: users.map((user) => user.id),
      action: 'deactivate',
    });
    const command = { tenantId: TEST_TENANT, bulkStateChangeId: started.id };
    failOnce(testbed.bulkStateChanges, 'update');

    await expect(testbed.runBulkStateChange.runChunk(command)).rejects.toThrow('connection lost');
    await testbed.runBulkStateChange.execute(command);

    const [first, second, third] = users.map((user) => user.id);
    expect((await testbed.bulkStateChanges.findById(TEST_TENANT, started.id))?.results).toEqual([
      { userId: first, outcome: 'unchanged' },
      { userId: second, outcome: 'unchanged' },
      { userId: third, outcome: 'changed' },
    ]);
    expect(testbed.outbox.drain().map((entry) => entry.envelope.aggregateId)).toEqual([first, second, third]);
  });

  it('given two runs of the same chunk at once, then each user changes once and the results are saved once', async () => {
    const testbed = buildIdentityTestbed();
    testbed.config.users.bulkStateChunkSize = 5;
    const users = await Promise.all(Array.from({ length: 8 }, () => testbed.givenUser()));
    const started = await testbed.startBulkStateChange.execute({
      actor: administratorOf(TEST_TENANT),
      userIds: users.map((user) => user.id),
      action: 'deactivate',
    });
    const command = { tenantId: TEST_TENANT, bulkStateChangeId: started.id };

    await Promise.all([
      testbed.runBulkStateChange.runChunk(command),
      testbed.runBulkStateChange.runChunk(command),
    ]);
    await testbed.runBulkStateChange.execute(command);

    const finished = await testbed.bulkStateChanges.findById(TEST_TENANT, started.id);
    expect(finished?.state).toBe('finished');
    expect(finished?.results.map((result) => result.userId)).toEqual(users.map((user) => user.id));
    expect(new Set(finished?.results.map((result) => result.outcome))).not.toContain('forbidden');
    expect(
      testbed.outbox
        .drain()
        .map((entry) => entry.envelope.aggregateId)
        .sort(),
    ).toEqual(users.map((user) => user.id).sort());
  });
});

describe('GetBulkStateChangeUseCase (ID-U5)', () => {
  it('answers the account that started it and whoever manages every user; another account is refused, another tenant finds nothing', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const starter = await testbed.givenPowerUser([group]);
    const otherPowerUser = await testbed.givenPowerUser([group]);
    const started = await testbed.startBulkStateChange.execute({
      actor: actorFor(starter),
      userIds: [randomUUID()],
      action: 'deactivate',
    });
    const read = (actor: UserActor) =>
      testbed.getBulkStateChange.execute({ actor, bulkStateChangeId: started.id });

    expect(await read(actorFor(starter))).toEqual(started);
    expect(await read(administratorOf(TEST_TENANT))).toEqual(started);
    await expect(read(actorFor(otherPowerUser))).rejects.toMatchObject({
      code: 'USER.FORBIDDEN',
      kind: 'forbidden',
    });
    await expect(read(administratorOf(OTHER_TENANT))).rejects.toMatchObject({
      code: 'USER.BULK_STATE_CHANGE_NOT_FOUND',
      kind: 'not_found',
    });
  });
});
