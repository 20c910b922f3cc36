import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('ChangeMemberRolesUseCase', () => {
  it('gives a member new roles with the next version and publishes membership.roles-changed', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    const added = await testbed.givenMember(group, user, ['learner']);
    testbed.clock.advance(60_000);

    const changed = await testbed.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['admin', 'coach'],
    });

    expect(changed).toMatchObject({ id: added.id, roles: ['coach', 'admin'], status: 'active', version: 2 });
    expect(changed.updatedAt).toEqual(testbed.clock.now());
    const [event] = testbed.outbox.drain();
    expect(event.key).toBe(`${TEST_TENANT}:${group.id}:${user.id}`);
    expect(event.envelope).toMatchObject({
      type: 'membership.roles-changed',
      aggregateId: `${group.id}:${user.id}`,
      aggregateVersion: 2,
      payload: { groupId: group.id, userId: user.id, roles: ['coach', 'admin'] },
    });
  });

  it('given the version the caller read, then a change made meanwhile refuses it (REQUEST.STALE_VERSION)', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    const added = await testbed.givenMember(group, user, ['learner']);
    const change = (roles: string[], expectedVersion: number) =>
      testbed.changeMemberRoles.execute({
        tenantId: TEST_TENANT,
        groupId: group.id,
        userId: user.id,
        roles,
        expectedVersion,
      });
    await change(['coach'], added.version);
    testbed.outbox.drain();

    await expect(change(['admin'], added.version)).rejects.toMatchObject({ code: 'REQUEST.STALE_VERSION' });
    expect(testbed.outbox.drain()).toEqual([]);
    expect(await change(['admin'], added.version + 1)).toMatchObject({
      roles: ['admin'],
      version: added.version + 2,
    });
  });

  it('changes nothing and publishes nothing for the same roles in another order', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    await testbed.givenMember(group, user, ['learner', 'coach']);

    const same = await testbed.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach', 'learner'],
    });

    expect(same).toMatchObject({ roles: ['learner', 'coach'], version: 1 });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('answers MEMBERSHIP.NOT_FOUND for a user who is not, or no longer, a member', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const former = await testbed.givenUser();
    await testbed.givenMember(group, former);
    await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: former.id });
    testbed.outbox.drain();

    for (const userId of [former.id, randomUUID()]) {
      await expect(
        testbed.changeMemberRoles.execute({
          tenantId: TEST_TENANT,
          groupId: group.id,
          userId,
          roles: ['coach'],
        }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.NOT_FOUND', kind: 'not_found' });
    }
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('refuses an empty set of roles', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    await testbed.givenMember(group, user);

    await expect(
      testbed.changeMemberRoles.execute({
        tenantId: TEST_TENANT,
        groupId: group.id,
        userId: user.id,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP.ROLES_INVALID' });
  });

  it('retries once on fresh state when another request changed the member in between', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    const added = await testbed.givenMember(group, user, ['learner']);
    testbed.memberships.beforeNextWrite(() =>
      testbed.memberships.overwrite({ ...added, roles: ['reviewer'], version: 2 }),
    );

    const changed = await testbed.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    expect(changed).toMatchObject({ roles: ['coach'], version: 3 });
    expect(testbed.outbox.drain().map((e) => e.envelope.aggregateVersion)).toEqual([3]);
  });

  it('answers REQUEST.CONCURRENT_MODIFICATION when it loses the race twice', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    const added = await testbed.givenMember(group, user, ['learner']);
    testbed.memberships.beforeNextWrite(() =>
      testbed.memberships.overwrite({ ...added, roles: ['reviewer'], version: 2 }),
    );
    testbed.memberships.beforeNextWrite(() =>
      testbed.memberships.overwrite({ ...added, roles: ['author'], version: 3 }),
    );

    const attempt = testbed.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    await expect(attempt).rejects.toMatchObject({
      code: 'REQUEST.CONCURRENT_MODIFICATION',
      kind: 'conflict',
    });
    expect(testbed.outbox.drain()).toEqual([]);
  });
});
