import { randomUUID } from 'node:crypto';
import { actorFor, administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

const page = { limit: 50 };

describe('group administration (ID-G1)', () => {
  describe('UpdateGroupUseCase', () => {
    it('given a group, when an administrator renames it and makes it public, then both events carry the full state', async () => {
      const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
      const group = await testbed.givenGroup({ name: 'Sales' });

      const updated = await testbed.updateGroup.execute({
        actor: administratorOf(),
        groupId: group.id,
        name: 'Sales desk',
        confidentiality: 'public',
        expectedVersion: 1,
      });

      expect(updated).toMatchObject({ name: 'Sales desk', confidentiality: 'public', version: 3 });
      expect(testbed.outbox.drain().map((event) => event.envelope)).toMatchObject([
        {
          type: 'group.renamed',
          aggregateVersion: 2,
          payload: { groupId: group.id, name: 'Sales desk', confidentiality: 'private' },
        },
        {
          type: 'group.confidentiality-changed',
          aggregateVersion: 3,
          payload: { groupId: group.id, name: 'Sales desk', confidentiality: 'public' },
        },
      ]);
    });

    it('refuses a caller who read another version (412) and changes nothing', async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();

      await expect(
        testbed.updateGroup.execute({
          actor: administratorOf(),
          groupId: group.id,
          name: 'X',
          expectedVersion: 7,
        }),
      ).rejects.toMatchObject({ code: 'REQUEST.STALE_VERSION' });
      expect(testbed.outbox.drain()).toEqual([]);
    });

    it("lets the group's admin edit it, not its coach (GROUP.FORBIDDEN)", async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();
      const admin = await testbed.givenUser();
      const coach = await testbed.givenUser();
      await testbed.givenMember(group, admin, ['admin']);
      await testbed.givenMember(group, coach, ['coach']);

      await expect(
        testbed.updateGroup.execute({ actor: actorFor(admin), groupId: group.id, confidentiality: 'public' }),
      ).resolves.toMatchObject({ confidentiality: 'public' });
      await expect(
        testbed.updateGroup.execute({ actor: actorFor(coach), groupId: group.id, name: 'Mine' }),
      ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
    });
  });

  describe('ListGroupsUseCase (ID-G2)', () => {
    it('lists every group to administrators, by name prefix and confidentiality', async () => {
      const testbed = buildIdentityTestbed();
      await testbed.givenGroup({ name: 'Sales', confidentiality: 'public' });
      await testbed.givenGroup({ name: 'Sales desk' });
      await testbed.givenGroup({ name: 'Support' });

      const names = async (filter: { namePrefix?: string; confidentiality?: 'public' | 'private' }) =>
        (await testbed.listGroups.execute({ actor: administratorOf(), ...filter, page })).items
          .map((g) => g.name)
          .sort();

      expect(await names({})).toEqual(['Sales', 'Sales desk', 'Support']);
      expect(await names({ namePrefix: 'sal' })).toEqual(['Sales', 'Sales desk']);
      expect(await names({ namePrefix: 'sal', confidentiality: 'private' })).toEqual(['Sales desk']);
    });

    it('lists to a group coach only the groups it coaches or administers, and nothing to a plain member', async () => {
      const testbed = buildIdentityTestbed();
      const coached = await testbed.givenGroup({ name: 'Coached' });
      const administered = await testbed.givenGroup({ name: 'Administered' });
      const learning = await testbed.givenGroup({ name: 'Learning', confidentiality: 'public' });
      const coach = await testbed.givenUser();
      await testbed.givenMember(coached, coach, ['coach']);
      await testbed.givenMember(administered, coach, ['admin']);
      await testbed.givenMember(learning, coach, ['learner']);
      const learner = await testbed.givenUser();
      await testbed.givenMember(coached, learner, ['learner']);

      const listed = await testbed.listGroups.execute({ actor: actorFor(coach), page });
      const ofLearner = await testbed.listGroups.execute({ actor: actorFor(learner), page });

      expect(listed.items.map((g) => g.name).sort()).toEqual(['Administered', 'Coached']);
      expect(ofLearner).toEqual({ items: [], limit: 50, nextCursor: null });
    });

    it('lists the public groups to a platform coach, beside the ones it coaches', async () => {
      const testbed = buildIdentityTestbed();
      const open = await testbed.givenGroup({ name: 'Open', confidentiality: 'public' });
      await testbed.givenGroup({ name: 'Closed' });
      const coached = await testbed.givenGroup({ name: 'Coached' });
      const platformCoach = await testbed.givenPowerUser([open], ['groups.coach']);
      await testbed.givenMember(coached, platformCoach, ['coach']);

      const listed = await testbed.listGroups.execute({ actor: actorFor(platformCoach), page });

      expect(listed.items.map((g) => g.name).sort()).toEqual(['Coached', 'Open']);
    });
  });

  describe('DeleteGroupUseCase and RunGroupDeletionUseCase', () => {
    it('given a group without members, when an administrator deletes it, then it is gone at once with group.deleted', async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup({ name: 'Empty' });

      const result = await testbed.deleteGroup.execute({ actor: administratorOf(), groupId: group.id });

      expect(result.outcome).toBe('deleted');
      expect(testbed.outbox.drain().map((event) => event.envelope)).toMatchObject([
        { type: 'group.deleted', aggregateVersion: 2, payload: { groupId: group.id, name: 'Empty' } },
      ]);
      await expect(
        testbed.getGroup.execute({ tenantId: TEST_TENANT, groupId: group.id }),
      ).rejects.toMatchObject({
        code: 'GROUP.NOT_FOUND',
      });
      expect(await testbed.jobs.countOpen()).toBe(0);
    });

    it('given a group of many members, every member leaves with membership.removed, chunk by chunk, then the group is gone', async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();
      const members = [];
      for (let i = 0; i < 5; i++) members.push(await testbed.givenUser());
      for (const member of members) await testbed.givenMember(group, member, ['learner']);

      const started = await testbed.deleteGroup.execute({ actor: administratorOf(), groupId: group.id });

      expect(started).toMatchObject({ outcome: 'deleting', group: { status: 'deleting' } });
      expect(await testbed.jobs.countOpen()).toBe(1);
      const newcomer = await testbed.givenUser();
      await expect(
        testbed.addMember.execute({
          tenantId: TEST_TENANT,
          groupId: group.id,
          userId: newcomer.id,
          roles: ['learner'],
        }),
      ).rejects.toMatchObject({ code: 'GROUP.BEING_DELETED' });

      const run = testbed.runGroupDeletion(2);
      expect(await run.runChunk({ tenantId: TEST_TENANT, groupId: group.id })).toEqual({ more: true });
      expect(
        (await testbed.getGroup.execute({ tenantId: TEST_TENANT, groupId: group.id })).deletion
          ?.membersRemoved,
      ).toBe(2);
      await run.execute({ tenantId: TEST_TENANT, groupId: group.id });

      const events = testbed.outbox.drain().map((event) => event.envelope);
      const removed = events.filter((e) => e.type === 'membership.removed').map((e) => e.payload);
      expect(removed).toHaveLength(members.length);
      expect(removed).toEqual(
        expect.arrayContaining(members.map((member) => ({ groupId: group.id, userId: member.id }))),
      );
      expect(events[events.length - 1]).toMatchObject({
        type: 'group.deleted',
        payload: { groupId: group.id },
      });
      await expect(
        testbed.getGroup.execute({ tenantId: TEST_TENANT, groupId: group.id }),
      ).rejects.toMatchObject({
        code: 'GROUP.NOT_FOUND',
      });
      expect(await run.runChunk({ tenantId: TEST_TENANT, groupId: group.id })).toEqual({ more: false });
    });

    it('skips a member who left meanwhile, and answers a second deletion with the one under way', async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();
      const [a, b] = [await testbed.givenUser(), await testbed.givenUser()];
      await testbed.givenMember(group, a);
      await testbed.givenMember(group, b);
      await testbed.deleteGroup.execute({ actor: administratorOf(), groupId: group.id });
      await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: a.id });

      expect(
        (await testbed.deleteGroup.execute({ actor: administratorOf(), groupId: group.id })).outcome,
      ).toBe('deleting');
      await testbed.runGroupDeletion().execute({ tenantId: TEST_TENANT, groupId: group.id });

      expect(await testbed.groups.listDeleting(null, 10)).toEqual([]);
    });

    it("refuses a group's admin (only tenant administrators delete), and an unknown group", async () => {
      const testbed = buildIdentityTestbed();
      const group = await testbed.givenGroup();
      const admin = await testbed.givenUser();
      await testbed.givenMember(group, admin, ['admin']);

      await expect(
        testbed.deleteGroup.execute({ actor: actorFor(admin), groupId: group.id }),
      ).rejects.toMatchObject({
        code: 'GROUP.FORBIDDEN',
      });
      await expect(
        testbed.deleteGroup.execute({ actor: administratorOf(), groupId: randomUUID() }),
      ).rejects.toMatchObject({ code: 'GROUP.NOT_FOUND' });
    });
  });
});
