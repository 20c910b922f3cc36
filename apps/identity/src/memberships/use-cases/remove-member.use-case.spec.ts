import { randomUUID } from 'node:crypto';
import { buildIdentityTestKit, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-test-kit';

describe('RemoveMemberUseCase', () => {
  it('leaves a tombstone with the next version and publishes membership.removed', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    const added = await kit.givenMember(group, user, ['learner', 'coach']);
    kit.clock.advance(60_000);

    await kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });

    expect(await kit.memberships.find(TEST_TENANT, group.id, user.id)).toMatchObject({
      id: added.id,
      status: 'removed',
      removedAt: kit.clock.now(),
      version: 2,
    });
    const [event] = kit.outbox.drain();
    expect(event.key).toBe(`${TEST_TENANT}:${group.id}:${user.id}`);
    expect(event.envelope).toMatchObject({
      type: 'membership.removed',
      aggregateId: `${group.id}:${user.id}`,
      aggregateVersion: 2,
      payload: { groupId: group.id, userId: user.id },
    });
  });

  it('answers MEMBERSHIP.NOT_FOUND when removing twice, or a user who never was a member', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    await kit.givenMember(group, user);
    await kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });
    kit.outbox.drain();

    for (const userId of [user.id, randomUUID()]) {
      await expect(
        kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.NOT_FOUND', kind: 'not_found' });
    }
    expect(kit.outbox.drain()).toEqual([]);
  });

  it("cannot remove another tenant's member", async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup({ tenantId: OTHER_TENANT });
    const user = await kit.givenUser({ tenantId: OTHER_TENANT });
    await kit.givenMember(group, user);

    await expect(
      kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id }),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP.NOT_FOUND' });
    expect(await kit.memberships.find(OTHER_TENANT, group.id, user.id)).toMatchObject({ status: 'active' });
  });
});
