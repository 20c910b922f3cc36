import { randomUUID } from 'node:crypto';
import { buildIdentityTestKit, TEST_TENANT } from '../../testing/identity-test-kit';

describe('ChangeMemberRolesUseCase', () => {
  it('gives a member new roles with the next version and publishes membership.roles-changed', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    const added = await kit.givenMember(group, user, ['learner']);
    kit.clock.advance(60_000);

    const changed = await kit.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['admin', 'coach'],
    });

    expect(changed).toMatchObject({ id: added.id, roles: ['coach', 'admin'], status: 'active', version: 2 });
    expect(changed.updatedAt).toEqual(kit.clock.now());
    const [event] = kit.outbox.drain();
    expect(event.key).toBe(`${TEST_TENANT}:${group.id}:${user.id}`);
    expect(event.envelope).toMatchObject({
      type: 'membership.roles-changed',
      aggregateId: `${group.id}:${user.id}`,
      aggregateVersion: 2,
      payload: { groupId: group.id, userId: user.id, roles: ['coach', 'admin'] },
    });
  });

  it('changes nothing and publishes nothing for the same roles in another order', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    await kit.givenMember(group, user, ['learner', 'coach']);

    const same = await kit.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach', 'learner'],
    });

    expect(same).toMatchObject({ roles: ['learner', 'coach'], version: 1 });
    expect(kit.outbox.drain()).toEqual([]);
  });

  it('answers MEMBERSHIP.NOT_FOUND for a user who is not, or no longer, a member', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const former = await kit.givenUser();
    await kit.givenMember(group, former);
    await kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: former.id });
    kit.outbox.drain();

    for (const userId of [former.id, randomUUID()]) {
      await expect(
        kit.changeMemberRoles.execute({ tenantId: TEST_TENANT, groupId: group.id, userId, roles: ['coach'] }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.NOT_FOUND', kind: 'not_found' });
    }
    expect(kit.outbox.drain()).toEqual([]);
  });

  it('refuses an empty set of roles', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    await kit.givenMember(group, user);

    await expect(
      kit.changeMemberRoles.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id, roles: [] }),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP.ROLES_INVALID' });
  });

  it('retries once on fresh state when another request changed the member in between', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    const added = await kit.givenMember(group, user, ['learner']);
    kit.memberships.beforeNextWrite(() =>
      kit.memberships.overwrite({ ...added, roles: ['reviewer'], version: 2 }),
    );

    const changed = await kit.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    expect(changed).toMatchObject({ roles: ['coach'], version: 3 });
    expect(kit.outbox.drain().map((e) => e.envelope.aggregateVersion)).toEqual([3]);
  });

  it('answers CONCURRENT_MODIFICATION when it loses the race twice', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    const added = await kit.givenMember(group, user, ['learner']);
    kit.memberships.beforeNextWrite(() =>
      kit.memberships.overwrite({ ...added, roles: ['reviewer'], version: 2 }),
    );
    kit.memberships.beforeNextWrite(() =>
      kit.memberships.overwrite({ ...added, roles: ['author'], version: 3 }),
    );

    const attempt = kit.changeMemberRoles.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    await expect(attempt).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION', kind: 'conflict' });
    expect(kit.outbox.drain()).toEqual([]);
  });
});
