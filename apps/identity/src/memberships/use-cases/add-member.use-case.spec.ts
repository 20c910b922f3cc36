import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('AddMemberUseCase', () => {
  it('adds a user to a group with its roles and publishes membership.added', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();

    const membership = await testbed.addMember.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach', 'learner'],
    });

    expect(membership).toMatchObject({
      groupId: group.id,
      userId: user.id,
      roles: ['learner', 'coach'],
      status: 'active',
      version: 1,
    });
    const [event] = testbed.outbox.drain();
    expect(event.topic).toBe('identity.group-memberships.v1');
    expect(event.key).toBe(`${TEST_TENANT}:${group.id}:${user.id}`);
    expect(event.envelope).toMatchObject({
      type: 'membership.added',
      tenantId: TEST_TENANT,
      aggregateId: `${group.id}:${user.id}`,
      aggregateVersion: 1,
      occurredAt: '2026-03-02T09:00:00.000Z',
      payload: { groupId: group.id, userId: user.id, roles: ['learner', 'coach'] },
    });
  });

  it('answers GROUP.NOT_FOUND for a group the tenant does not have', async () => {
    const testbed = buildIdentityTestbed();
    const user = await testbed.givenUser();
    const elsewhere = await testbed.givenGroup({ tenantId: OTHER_TENANT });

    for (const groupId of [randomUUID(), elsewhere.id]) {
      await expect(
        testbed.addMember.execute({ tenantId: TEST_TENANT, groupId, userId: user.id, roles: ['learner'] }),
      ).rejects.toMatchObject({ code: 'GROUP.NOT_FOUND', kind: 'not_found' });
    }
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('answers MEMBERSHIP.USER_UNKNOWN for a user the tenant does not have', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const elsewhere = await testbed.givenUser({ tenantId: OTHER_TENANT });

    for (const userId of [randomUUID(), elsewhere.id]) {
      await expect(
        testbed.addMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId, roles: ['learner'] }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.USER_UNKNOWN', kind: 'invalid' });
    }
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('answers MEMBERSHIP.ALREADY_EXISTS for an active member, and changes nothing', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    await testbed.givenMember(group, user, ['learner']);

    const again = testbed.addMember.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    await expect(again).rejects.toMatchObject({ code: 'MEMBERSHIP.ALREADY_EXISTS', kind: 'conflict' });
    expect(await testbed.memberships.find(TEST_TENANT, group.id, user.id)).toMatchObject({
      roles: ['learner'],
      version: 1,
    });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('refuses an empty or unknown set of roles', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();

    for (const roles of [[], ['learner', 'owner']]) {
      await expect(
        testbed.addMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id, roles }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.ROLES_INVALID', kind: 'invalid' });
    }
  });

  it('adds a removed member again: same membership, next version, membership.added again', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const user = await testbed.givenUser();
    const first = await testbed.givenMember(group, user, ['learner']);
    await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });
    testbed.outbox.drain();

    const readded = await testbed.addMember.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    expect(readded).toMatchObject({
      id: first.id,
      roles: ['coach'],
      status: 'active',
      removedAt: null,
      version: 3,
    });
    expect(testbed.outbox.drain().map((e) => [e.envelope.type, e.envelope.aggregateVersion])).toEqual([
      ['membership.added', 3],
    ]);
  });

  describe('when another request changes the membership at the same time', () => {
    it('decides again on the fresh state once', async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();
      const user = await testbed.givenUser();
      const first = await testbed.givenMember(group, user, ['learner']);
      await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });
      testbed.outbox.drain();
      // Another writer re-adds and removes the member between our read and our write.
      testbed.memberships.beforeNextWrite(() =>
        testbed.memberships.overwrite({
          ...first,
          status: 'removed',
          removedAt: testbed.clock.now(),
          version: 4,
        }),
      );

      const readded = await testbed.addMember.execute({
        tenantId: TEST_TENANT,
        groupId: group.id,
        userId: user.id,
        roles: ['coach'],
      });

      expect(readded.version).toBe(5);
      expect(testbed.outbox.drain().map((e) => e.envelope.aggregateVersion)).toEqual([5]);
    });

    it('answers MEMBERSHIP.ALREADY_EXISTS when the other request added the same member', async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();
      const user = await testbed.givenUser();
      testbed.memberships.beforeNextWrite(() =>
        testbed.memberships.overwrite({
          id: randomUUID(),
          tenantId: TEST_TENANT,
          groupId: group.id,
          userId: user.id,
          roles: ['admin'],
          status: 'active',
          createdAt: testbed.clock.now(),
          updatedAt: testbed.clock.now(),
          removedAt: null,
          version: 1,
        }),
      );

      const attempt = testbed.addMember.execute({
        tenantId: TEST_TENANT,
        groupId: group.id,
        userId: user.id,
        roles: ['learner'],
      });

      await expect(attempt).rejects.toMatchObject({ code: 'MEMBERSHIP.ALREADY_EXISTS' });
      expect(testbed.outbox.drain()).toEqual([]);
    });
  });
});
