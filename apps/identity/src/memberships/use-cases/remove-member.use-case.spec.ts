import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('RemoveMemberUseCase', () => {
  it('leaves a tombstone with the next version and publishes membership.removed', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    const added = await testbed.givenMember(group, user, ['learner', 'coach']);
    testbed.clock.advance(60_000);

    await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });

    expect(await testbed.memberships.find(TEST_TENANT, group.id, user.id)).toMatchObject({
      id: added.id,
      status: 'removed',
      removedAt: testbed.clock.now(),
      version: 2,
    });
    const [event] = testbed.outbox.drain();
    expect(event.key).toBe(`${TEST_TENANT}:${group.id}:${user.id}`);
    expect(event.envelope).toMatchObject({
      type: 'membership.removed',
      aggregateId: `${group.id}:${user.id}`,
      aggregateVersion: 2,
      payload: { groupId: group.id, userId: user.id },
    });
  });

  it('answers MEMBERSHIP.NOT_FOUND when removing twice, or a user who never was a member', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    await testbed.givenMember(group, user);
    await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });
    testbed.outbox.drain();

    for (const userId of [user.id, randomUUID()]) {
      await expect(
        testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.NOT_FOUND', kind: 'not_found' });
    }
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it("cannot remove another tenant's member", async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup({ tenantId: OTHER_TENANT });
    const user = await testbed.givenUser({ tenantId: OTHER_TENANT });
    await testbed.givenMember(group, user);

    await expect(
      testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id }),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP.NOT_FOUND' });
    expect(await testbed.memberships.find(OTHER_TENANT, group.id, user.id)).toMatchObject({
      status: 'active',
    });
  });
});
