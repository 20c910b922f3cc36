import { buildCoachingTestbed, OTHER_TENANT, TENANT } from '../../testing/coaching-testbed';
import { whyUnassignable } from '../domain/user-assignability';

const ADA = '0195792b-0000-7000-8000-0000000000a1';
const GRACE = '0195792b-0000-7000-8000-0000000000a2';

describe('ApplyUserEventsUseCase', () => {
  it('given a user.created, then the user is projected with its state and version, and may be assigned', async () => {
    const t = buildCoachingTestbed();

    const outcomes = await t.applyUserEvents.execute([
      t.userChange(ADA, 1, { state: 'activated', level: 'power_user', locale: 'it' }),
    ]);

    expect(outcomes).toEqual(['applied']);
    const ada = await t.users.find(TENANT, ADA);
    expect(ada).toEqual({
      tenantId: TENANT,
      userId: ADA,
      email: `${ADA}@example.test`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'it',
      state: 'activated',
      level: 'power_user',
      adminRoles: [],
      expiresAt: null,
      deleted: false,
      version: 1,
      updatedAt: t.clock.now(),
    });
    expect(whyUnassignable(ada, t.clock.now())).toBeNull();
  });

  it('given several events of one user in one batch, then they are applied in version order and the newest state wins', async () => {
    const t = buildCoachingTestbed();

    const outcomes = await t.applyUserEvents.execute([
      t.userChange(ADA, 1),
      t.userChange(ADA, 2, { lastName: 'King' }),
      t.userChange(ADA, 3, { state: 'deactivated' }),
    ]);

    expect(outcomes).toEqual(['applied', 'applied', 'applied']);
    expect(await t.users.find(TENANT, ADA)).toMatchObject({
      lastName: 'Lovelace',
      state: 'deactivated',
      version: 3,
    });
    expect(whyUnassignable(await t.users.find(TENANT, ADA), t.clock.now())).toBe('deactivated');
  });

  it('given a batch out of order, then the newest event wins whatever its place', async () => {
    const t = buildCoachingTestbed();

    const outcomes = await t.applyUserEvents.execute([
      t.userChange(ADA, 3, { state: 'deactivated' }),
      t.userChange(GRACE, 2, null),
      t.userChange(ADA, 1),
      t.userChange(GRACE, 1),
      t.userChange(ADA, 2, { state: 'active' }),
    ]);

    // Each was newer than what was stored before the batch; the projection ends at the newest.
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(await t.users.find(TENANT, ADA)).toMatchObject({ state: 'deactivated', version: 3 });
    expect(await t.users.find(TENANT, GRACE)).toMatchObject({ deleted: true, version: 2 });
  });

  it('given an applied event, when it is delivered again, then nothing changes', async () => {
    const t = buildCoachingTestbed();
    const created = t.userChange(ADA, 1);
    await t.applyUserEvents.execute([created]);
    t.clock.advance(60_000);

    expect(await t.applyUserEvents.execute([created])).toEqual(['stale']);
    expect(await t.applyUserEvents.execute([created, created])).toEqual(['stale', 'stale']);
    expect(await t.users.find(TENANT, ADA)).toMatchObject({
      version: 1,
      updatedAt: new Date('2025-03-10T09:00:00.000Z'),
    });
  });

  it('given a newer version applied, when an older event arrives after it, then it is ignored', async () => {
    const t = buildCoachingTestbed();
    await t.applyUserEvents.execute([t.userChange(ADA, 3, { lastName: 'King', state: 'deactivated' })]);

    const outcomes = await t.applyUserEvents.execute([
      t.userChange(ADA, 2, { lastName: 'Byron', state: 'active' }),
    ]);

    expect(outcomes).toEqual(['stale']);
    expect(await t.users.find(TENANT, ADA)).toMatchObject({
      lastName: 'King',
      state: 'deactivated',
      version: 3,
    });
  });

  it('given a deleted user, when an older update arrives after the deletion, then the user stays a tombstone and may not be assigned', async () => {
    const t = buildCoachingTestbed();
    await t.applyUserEvents.execute([t.userChange(ADA, 1)]);
    expect(await t.applyUserEvents.execute([t.userChange(ADA, 3, null)])).toEqual(['applied']);

    const outcomes = await t.applyUserEvents.execute([t.userChange(ADA, 2, { state: 'active' })]);

    expect(outcomes).toEqual(['stale']);
    const ada = await t.users.find(TENANT, ADA);
    expect(ada).toMatchObject({ deleted: true, email: null, firstName: null, state: null, version: 3 });
    expect(whyUnassignable(ada, t.clock.now())).toBe('deleted');
  });

  it('given a deletion seen before the user was ever created, then the late user.created does not bring it back', async () => {
    const t = buildCoachingTestbed();

    expect(await t.applyUserEvents.execute([t.userChange(ADA, 2, null)])).toEqual(['applied']);
    expect(await t.applyUserEvents.execute([t.userChange(ADA, 1)])).toEqual(['stale']);

    expect(await t.users.find(TENANT, ADA)).toMatchObject({ deleted: true, version: 2 });
  });

  it('keeps tenants apart: a user of another tenant is unknown here', async () => {
    const t = buildCoachingTestbed();

    await t.applyUserEvents.execute([
      t.userChange(ADA, 1, { lastName: 'Elsewhere' }, OTHER_TENANT),
      t.userChange(GRACE, 1),
    ]);
    // The same user in this tenant is a different row, at its own version.
    await t.applyUserEvents.execute([t.userChange(GRACE, 5, null, OTHER_TENANT)]);

    expect(await t.users.find(TENANT, ADA)).toBeNull();
    expect(whyUnassignable(await t.users.find(TENANT, ADA), t.clock.now())).toBe('unknown');
    expect(await t.users.find(OTHER_TENANT, ADA)).toMatchObject({ lastName: 'Elsewhere', version: 1 });
    expect(await t.users.find(TENANT, GRACE)).toMatchObject({ deleted: false, version: 1 });
    expect(await t.users.findMany(OTHER_TENANT, [ADA, GRACE])).toHaveLength(2);
  });

  it('given an empty batch, then nothing is read or written', async () => {
    const t = buildCoachingTestbed();
    const applyMany = jest.spyOn(t.users, 'applyMany');

    expect(await t.applyUserEvents.execute([])).toEqual([]);
    expect(applyMany).not.toHaveBeenCalled();
  });
});
