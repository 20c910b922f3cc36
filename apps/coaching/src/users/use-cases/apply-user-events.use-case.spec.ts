import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { UserChange } from '../domain/user';

/** One event alone in its batch, as the consumer hands it over. */
async function applyOne(t: CoachingTestbed, change: UserChange): Promise<ProjectionOutcome | undefined> {
  const [outcome] = await t.applyUserEvents.execute([change]);
  return outcome;
}

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

describe('ApplyUserEventsUseCase', () => {
  it('given user.created, then the user is projected with its state and version', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);

    await expect(applyOne(t, upsert(user, 1))).resolves.toBe('applied');

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
    await applyOne(t, upsert(user, 1));

    await applyOne(t, upsert(user, 2, { state: 'active', lastName: 'King' }));

    expect(await t.users.find(TENANT, user)).toMatchObject({ state: 'active', lastName: 'King', version: 2 });
  });

  it('given an event already applied or older, then it is ignored', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await applyOne(t, upsert(user, 3, { state: 'deactivated' }));

    await expect(applyOne(t, upsert(user, 3, { state: 'active' }))).resolves.toBe('stale');
    await expect(applyOne(t, upsert(user, 2, { state: 'active' }))).resolves.toBe('stale');

    expect(await t.users.find(TENANT, user)).toMatchObject({ state: 'deactivated', version: 3 });
  });

  it('given user.deleted, then the user is kept as a tombstone that older updates cannot revive', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await applyOne(t, upsert(user, 1));

    await applyOne(t, {
      kind: 'delete',
      tenantId: TENANT,
      userId: user,
      version: 2,
      occurredAt: '2025-03-02T00:00:00.000Z',
    });
    await applyOne(t, upsert(user, 1, { state: 'active' }));

    expect(await t.users.find(TENANT, user)).toMatchObject({ deleted: true, version: 2 });
  });

  it('given users of two tenants, then each tenant sees only its own', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await applyOne(t, upsert(user, 1));

    expect(await t.users.find('another-tenant', user)).toBeNull();
  });

  it('given several versions of one user in one batch, then the newest is projected and the others are stale only if older than the stored one', async () => {
    const t = buildCoachingTestbed();
    const [user, other] = orderedIds(2);
    await applyOne(t, upsert(user, 2, { lastName: 'Stored' }));

    const outcomes = await t.applyUserEvents.execute([
      upsert(user, 1, { lastName: 'Old' }),
      upsert(user, 3, { lastName: 'Newer' }),
      upsert(other, 1),
      upsert(user, 4, { lastName: 'Newest', state: 'active' }),
    ]);

    expect(outcomes).toEqual(['stale', 'applied', 'applied', 'applied']);
    expect(await t.users.find(TENANT, user)).toMatchObject({
      lastName: 'Newest',
      state: 'active',
      version: 4,
    });
    expect(await t.users.find(TENANT, other)).toMatchObject({ version: 1 });
  });
});
