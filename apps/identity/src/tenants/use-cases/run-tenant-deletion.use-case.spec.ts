import type { User } from '../../users/domain/user';
import { markUserDeleted } from '../../users/domain/user-lifecycle';
import { buildIdentityTestbed, type IdentityTestbed } from '../../testing/identity-testbed';
import { failOnce } from '../../testing/fail-once';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

/** Every account of the tenant, deleted ones aside, in id order. */
async function accountsOf(testbed: IdentityTestbed, tenantId: string): Promise<User[]> {
  const accounts: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await testbed.users.list(tenantId, {}, { limit: 200, cursor });
    accounts.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return accounts;
}

describe('RunTenantDeletionUseCase (ID-T2)', () => {
  it("deactivates every account of the tenant chunk by chunk, each with its user.updated, then marks it deleted with tenant.deleted; other tenants' accounts stay", async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    testbed.config.tenants.deletionChunkSize = 100;
    const { administratorId } = await testbed.givenTenant('acme');
    for (let i = 0; i < 204; i++)
      await testbed.givenUser({ tenantId: 'acme', email: `user-${i}@acme.example.com` });
    await testbed.givenTenant('other');
    const elsewhere = await testbed.givenUser({ tenantId: 'other' });
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });
    testbed.clock.advance(60_000);

    const chunks = [];
    for (let more = true; more; ) {
      const chunk = await testbed.runTenantDeletion.runChunk({ code: 'acme' });
      chunks.push(chunk);
      more = chunk.more;
    }

    expect(chunks).toEqual([
      { deactivated: 100, more: true },
      { deactivated: 100, more: true },
      { deactivated: 5, more: true },
      { deactivated: 0, more: false },
    ]);
    const accounts = await accountsOf(testbed, 'acme');
    expect(accounts).toHaveLength(205);
    expect(accounts.map((user) => user.id)).toContain(administratorId);
    expect(new Set(accounts.map((user) => user.state))).toEqual(new Set(['deactivated']));
    expect(new Set(accounts.map((user) => user.version))).toEqual(new Set([2]));
    expect(await testbed.users.findById('other', elsewhere.id)).toMatchObject({
      state: 'activated',
      version: 1,
    });
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleted', version: 4 });
    const events = testbed.outbox.drain().map((entry) => entry.envelope);
    expect(events).toHaveLength(206);
    const userEvents = events.slice(0, 205);
    expect(new Set(userEvents.map((event) => event.type))).toEqual(new Set(['user.updated']));
    expect(new Set(userEvents.map((event) => (event.payload as { state: string }).state))).toEqual(
      new Set(['deactivated']),
    );
    expect(new Set(userEvents.map((event) => event.aggregateId))).toEqual(
      new Set(accounts.map((user) => user.id)),
    );
    expect(events[205]).toMatchObject({
      type: 'tenant.deleted',
      tenantId: 'acme',
      aggregateVersion: 4,
      occurredAt: '2026-03-02T09:01:00.000Z',
      payload: { code: 'acme', name: 'Tenant acme', state: 'deleted' },
    });
  });

  it('deactivates expired accounts too, leaves deactivated ones as they are, and skips deleted ones', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    await testbed.givenTenant('acme');
    const expired = await testbed.givenUser({
      tenantId: 'acme',
      expiresAt: new Date('2026-03-01T00:00:00.000Z'),
    });
    await testbed.expireDueUsers.execute({ batchSize: 10 });
    const deactivated = await testbed.givenUserChanged(await testbed.givenUser({ tenantId: 'acme' }), {
      state: 'deactivated',
    });
    const gone = await testbed.givenUser({ tenantId: 'acme' });
    await testbed.users.update(markUserDeleted(gone, testbed.clock.now()), gone.version, []);
    testbed.outbox.drain();
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    await testbed.runTenantDeletion.execute({ code: 'acme' });

    expect(await testbed.users.findById('acme', expired.id)).toMatchObject({ state: 'deactivated' });
    expect(await testbed.users.findById('acme', deactivated.id)).toEqual(deactivated);
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleted' });
    expect(testbed.outbox.drain().map((entry) => entry.envelope.type)).toEqual([
      'user.updated',
      'user.updated',
      'tenant.deleted',
    ]);
  });

  it('given a write refused half-way, then the chunk fails and the tenant stays deleting; run again, it finishes with every account deactivated once', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    await testbed.givenUser({ tenantId: 'acme' });
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });
    failOnce(testbed.users, 'update');

    await expect(testbed.runTenantDeletion.runChunk({ code: 'acme' })).rejects.toThrow('connection lost');
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleting' });

    await testbed.runTenantDeletion.execute({ code: 'acme' });

    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleted' });
    const accounts = await accountsOf(testbed, 'acme');
    expect(accounts.map((user) => [user.state, user.version])).toEqual([
      ['deactivated', 2],
      ['deactivated', 2],
    ]);
    expect(testbed.outbox.drain().map((entry) => entry.envelope.type)).toEqual([
      'user.updated',
      'user.updated',
      'tenant.deleted',
    ]);
  });

  it('given the same deletion run twice at once, and once more after it ended, then each account and the tenant are written once', async () => {
    const testbed = buildIdentityTestbed();
    testbed.config.tenants.deletionChunkSize = 3;
    await testbed.givenTenant('acme');
    for (let i = 0; i < 7; i++) await testbed.givenUser({ tenantId: 'acme' });
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    await Promise.all([
      testbed.runTenantDeletion.execute({ code: 'acme' }),
      testbed.runTenantDeletion.execute({ code: 'acme' }),
    ]);
    expect(await testbed.runTenantDeletion.execute({ code: 'acme' })).toEqual({ deactivated: 0 });

    const events = testbed.outbox.drain().map((entry) => entry.envelope);
    expect(events.filter((event) => event.type === 'user.updated')).toHaveLength(8);
    expect(new Set(events.map((event) => event.aggregateId)).size).toBe(9);
    expect(events.filter((event) => event.type === 'tenant.deleted')).toHaveLength(1);
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleted', version: 4 });
  });

  it('given an account changed while the tenant is deleted, then it is read again and deactivated all the same', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    const ada = await testbed.givenUser({ tenantId: 'acme' });
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });
    const update = testbed.users.update.bind(testbed.users);
    let raced = false;
    testbed.users.update = async (user, expectedVersion, outbox) => {
      if (!raced && user.id === ada.id) {
        raced = true;
        await update({ ...ada, firstName: 'Augusta', version: 2 }, 1, []);
      }
      return update(user, expectedVersion, outbox);
    };

    await testbed.runTenantDeletion.execute({ code: 'acme' });

    expect(await testbed.users.findById('acme', ada.id)).toMatchObject({
      firstName: 'Augusta',
      state: 'deactivated',
      version: 3,
    });
  });

  it('given a tenant that is not being deleted, then its job changes nothing', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');

    for (const code of ['acme', 'nowhere'])
      expect(await testbed.runTenantDeletion.runChunk({ code })).toEqual({ deactivated: 0, more: false });

    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'active' });
    expect((await accountsOf(testbed, 'acme')).map((user) => user.state)).toEqual(['activated']);
    expect(testbed.outbox.drain()).toEqual([]);
  });
});
