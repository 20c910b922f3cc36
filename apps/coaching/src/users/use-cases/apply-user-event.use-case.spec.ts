import { buildCoachingTestbed, orderedIds, TENANT } from '../../testing/coaching-testbed';
import type { UserChange } from '../domain/user';

function upsert(userId: string, version: number, overrides: Partial<UserChange> = {}): UserChange {
  return {
    kind: 'upsert',
    tenantId: TENANT,
    userId,
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    state: 'activated',
    version,
    occurredAt: '2025-03-01T00:00:00.000Z',
    ...overrides,
  } as UserChange;
}

describe('ApplyUserEventUseCase', () => {
  it('given user.created, then the user is projected with its state and version', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);

    await expect(t.applyUserEvent.execute(upsert(user, 1))).resolves.toBe('applied');

    expect(await t.users.find(TENANT, user)).toMatchObject({
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      state: 'activated',
      deleted: false,
      version: 1,
    });
  });

  it('given a newer user.updated, then the projection follows it', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.applyUserEvent.execute(upsert(user, 1));

    await t.applyUserEvent.execute(upsert(user, 2, { state: 'active', lastName: 'King' }));

    expect(await t.users.find(TENANT, user)).toMatchObject({ state: 'active', lastName: 'King', version: 2 });
  });

  it('given an event already applied or older, then it is ignored', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.applyUserEvent.execute(upsert(user, 3, { state: 'deactivated' }));

    await expect(t.applyUserEvent.execute(upsert(user, 3, { state: 'active' }))).resolves.toBe('stale');
    await expect(t.applyUserEvent.execute(upsert(user, 2, { state: 'active' }))).resolves.toBe('stale');

    expect(await t.users.find(TENANT, user)).toMatchObject({ state: 'deactivated', version: 3 });
  });

  it('given user.deleted, then the user is kept as a tombstone that older updates cannot revive', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.applyUserEvent.execute(upsert(user, 1));

    await t.applyUserEvent.execute({
      kind: 'delete',
      tenantId: TENANT,
      userId: user,
      version: 2,
      occurredAt: '2025-03-02T00:00:00.000Z',
    });
    await t.applyUserEvent.execute(upsert(user, 1, { state: 'active' }));

    expect(await t.users.find(TENANT, user)).toMatchObject({ deleted: true, version: 2 });
  });

  it('given users of two tenants, then each tenant sees only its own', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.applyUserEvent.execute(upsert(user, 1));

    expect(await t.users.find('another-tenant', user)).toBeNull();
  });
});
