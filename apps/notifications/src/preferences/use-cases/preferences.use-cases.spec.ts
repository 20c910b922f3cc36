import { buildNotificationsTestbed, TEST_TENANT } from '../../testing/notifications-testbed';

describe('a user’s mail preferences (NO-4)', () => {
  const owner = { tenantId: TEST_TENANT, userId: 'user-1' };

  it('given a user who never chose, then it wants every mail, at version 0', async () => {
    const { getPreferences } = buildNotificationsTestbed();

    expect(await getPreferences.execute(owner)).toEqual({
      ...owner,
      optedOut: [],
      updatedAt: null,
      version: 0,
    });
  });

  it('given opt-outs, then they replace the whole set, each once in catalogue order, at the next version', async () => {
    const { getPreferences, replacePreferences, clock } = buildNotificationsTestbed();

    const first = await replacePreferences.execute({
      ...owner,
      optedOut: ['assignment.expiring', 'assignment.created', 'assignment.created'],
    });
    clock.advance(1_000);
    const second = await replacePreferences.execute({ ...owner, optedOut: ['assignment.ended'] });

    expect(first).toMatchObject({ optedOut: ['assignment.created', 'assignment.expiring'], version: 1 });
    expect(second).toEqual({ ...owner, optedOut: ['assignment.ended'], updatedAt: clock.now(), version: 2 });
    expect(await getPreferences.execute(owner)).toEqual(second);
    expect(await getPreferences.execute({ ...owner, tenantId: 'another-tenant' })).toMatchObject({
      optedOut: [],
      version: 0,
    });
  });

  it('given the same set again, then nothing is written and the version stays', async () => {
    const { replacePreferences } = buildNotificationsTestbed();
    await replacePreferences.execute({ ...owner, optedOut: ['assignment.created', 'assignment.ended'] });

    expect(
      await replacePreferences.execute({ ...owner, optedOut: ['assignment.ended', 'assignment.created'] }),
    ).toMatchObject({ version: 1 });
  });

  it('given the version read (If-Match), then a change made since is not overwritten', async () => {
    const { replacePreferences, getPreferences } = buildNotificationsTestbed();
    await replacePreferences.execute({ ...owner, optedOut: ['assignment.created'], expectedVersion: 0 });
    await replacePreferences.execute({ ...owner, optedOut: ['assignment.ended'], expectedVersion: 1 });

    await expect(
      replacePreferences.execute({ ...owner, optedOut: [], expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'REQUEST.STALE_VERSION', kind: 'stale' });
    expect(await getPreferences.execute(owner)).toMatchObject({ optedOut: ['assignment.ended'], version: 2 });
  });

  it('given two changes at once, then both apply one after the other and the version counts both', async () => {
    const { replacePreferences, getPreferences } = buildNotificationsTestbed();

    await Promise.all([
      replacePreferences.execute({ ...owner, optedOut: ['assignment.created'] }),
      replacePreferences.execute({ ...owner, optedOut: ['assignment.ended'] }),
    ]);

    expect((await getPreferences.execute(owner)).version).toBe(2);
  });
});
