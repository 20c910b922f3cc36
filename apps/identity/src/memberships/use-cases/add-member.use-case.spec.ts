import { randomUUID } from 'node:crypto';
import { buildIdentityTestKit, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-test-kit';

describe('AddMemberUseCase', () => {
  it('adds a user to a group with its roles and publishes membership.added', async () => {
    const kit = buildIdentityTestKit({ now: '2026-03-02T09:00:00.000Z' });
    const group = await kit.givenGroup();
    const user = await kit.givenUser();

    const membership = await kit.addMember.execute({
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
    const [event] = kit.outbox.drain();
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
    const kit = buildIdentityTestKit();
    const user = await kit.givenUser();
    const elsewhere = await kit.givenGroup({ tenantId: OTHER_TENANT });

    for (const groupId of [randomUUID(), elsewhere.id]) {
      await expect(
        kit.addMember.execute({ tenantId: TEST_TENANT, groupId, userId: user.id, roles: ['learner'] }),
      ).rejects.toMatchObject({ code: 'GROUP.NOT_FOUND', kind: 'not_found' });
    }
    expect(kit.outbox.drain()).toEqual([]);
  });

  it('answers MEMBERSHIP.USER_UNKNOWN for a user the tenant does not have', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const elsewhere = await kit.givenUser({ tenantId: OTHER_TENANT });

    for (const userId of [randomUUID(), elsewhere.id]) {
      await expect(
        kit.addMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId, roles: ['learner'] }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.USER_UNKNOWN', kind: 'invalid' });
    }
    expect(kit.outbox.drain()).toEqual([]);
  });

  it('answers MEMBERSHIP.ALREADY_EXISTS for an active member, and changes nothing', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    await kit.givenMember(group, user, ['learner']);

    const again = kit.addMember.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      userId: user.id,
      roles: ['coach'],
    });

    await expect(again).rejects.toMatchObject({ code: 'MEMBERSHIP.ALREADY_EXISTS', kind: 'conflict' });
    expect(await kit.memberships.find(TEST_TENANT, group.id, user.id)).toMatchObject({
      roles: ['learner'],
      version: 1,
    });
    expect(kit.outbox.drain()).toEqual([]);
  });

  it('refuses an empty or unknown set of roles', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();

    for (const roles of [[], ['learner', 'owner']]) {
      await expect(
        kit.addMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id, roles }),
      ).rejects.toMatchObject({ code: 'MEMBERSHIP.ROLES_INVALID', kind: 'invalid' });
    }
  });

  it('adds a removed member again: same membership, next version, membership.added again', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const user = await kit.givenUser();
    const first = await kit.givenMember(group, user, ['learner']);
    await kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });
    kit.outbox.drain();

    const readded = await kit.addMember.execute({
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
    expect(kit.outbox.drain().map((e) => [e.envelope.type, e.envelope.aggregateVersion])).toEqual([
      ['membership.added', 3],
    ]);
  });

  describe('when another request changes the membership at the same time', () => {
    it('decides again on the fresh state once', async () => {
      const kit = buildIdentityTestKit();
      const group = await kit.givenGroup();
      const user = await kit.givenUser();
      const first = await kit.givenMember(group, user, ['learner']);
      await kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: user.id });
      kit.outbox.drain();
      // Another writer re-adds and removes the member between our read and our write.
      kit.memberships.beforeNextWrite(() =>
        kit.memberships.overwrite({ ...first, status: 'removed', removedAt: kit.clock.now(), version: 4 }),
      );

      const readded = await kit.addMember.execute({
        tenantId: TEST_TENANT,
        groupId: group.id,
        userId: user.id,
        roles: ['coach'],
      });

      expect(readded.version).toBe(5);
      expect(kit.outbox.drain().map((e) => e.envelope.aggregateVersion)).toEqual([5]);
    });

    it('answers MEMBERSHIP.ALREADY_EXISTS when the other request added the same member', async () => {
      const kit = buildIdentityTestKit();
      const group = await kit.givenGroup();
      const user = await kit.givenUser();
      kit.memberships.beforeNextWrite(() =>
        kit.memberships.overwrite({
          id: randomUUID(),
          tenantId: TEST_TENANT,
          groupId: group.id,
          userId: user.id,
          roles: ['admin'],
          status: 'active',
          createdAt: kit.clock.now(),
          updatedAt: kit.clock.now(),
          removedAt: null,
          version: 1,
        }),
      );

      const attempt = kit.addMember.execute({
        tenantId: TEST_TENANT,
        groupId: group.id,
        userId: user.id,
        roles: ['learner'],
      });

      await expect(attempt).rejects.toMatchObject({ code: 'MEMBERSHIP.ALREADY_EXISTS' });
      expect(kit.outbox.drain()).toEqual([]);
    });
  });
});
