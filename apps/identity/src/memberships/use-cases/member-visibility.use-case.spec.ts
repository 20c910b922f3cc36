import { actorFor, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

const page = { limit: 50 };

describe('who sees and manages the members of a group (ID-G2)', () => {
  async function givenTwoGroups() {
    const testbed = buildIdentityTestbed();
    const own = await testbed.givenGroup({ name: 'Own' });
    const other = await testbed.givenGroup({ name: 'Other', confidentiality: 'public' });
    const privateOther = await testbed.givenGroup({ name: 'Private other' });
    const learner = await testbed.givenUser();
    for (const group of [own, other, privateOther]) await testbed.givenMember(group, learner, ['learner']);
    return { testbed, own, other, privateOther, learner };
  }

  it("given a group coach, it lists its own group's members and is refused another group's (GROUP.FORBIDDEN)", async () => {
    const { testbed, own, other } = await givenTwoGroups();
    const coach = await testbed.givenUser();
    await testbed.givenMember(own, coach, ['coach']);

    const members = await testbed.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: own.id,
      page,
      actor: actorFor(coach),
    });

    expect(members.items).toHaveLength(2);
    await expect(
      testbed.listMembers.execute({ tenantId: TEST_TENANT, groupId: other.id, page, actor: actorFor(coach) }),
    ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
  });

  it('given a platform coach, it lists the members of every public group, not of a private one', async () => {
    const { testbed, other, privateOther } = await givenTwoGroups();
    const platformCoach = await testbed.givenPowerUser([], ['groups.coach']);

    const members = await testbed.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: other.id,
      page,
      actor: actorFor(platformCoach),
    });

    expect(members.items).toHaveLength(1);
    await expect(
      testbed.listMembers.execute({
        tenantId: TEST_TENANT,
        groupId: privateOther.id,
        page,
        actor: actorFor(platformCoach),
      }),
    ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
  });

  it('given a power user whose profile lacks groups.coach, it sees no public group', async () => {
    const { testbed, other } = await givenTwoGroups();
    const powerUser = await testbed.givenPowerUser([other]);

    await expect(
      testbed.listMembers.execute({
        tenantId: TEST_TENANT,
        groupId: other.id,
        page,
        actor: actorFor(powerUser),
      }),
    ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
  });

  it('given a group admin, it adds and removes members of its own group (same events), not of another', async () => {
    const { testbed, own, other, learner } = await givenTwoGroups();
    const admin = await testbed.givenUser();
    await testbed.givenMember(own, admin, ['admin']);
    const newcomer = await testbed.givenUser();

    await testbed.addMember.execute({
      tenantId: TEST_TENANT,
      groupId: own.id,
      userId: newcomer.id,
      roles: ['learner'],
      actor: actorFor(admin),
    });
    await testbed.removeMember.execute({
      tenantId: TEST_TENANT,
      groupId: own.id,
      userId: learner.id,
      actor: actorFor(admin),
    });

    expect(testbed.outbox.drain().map((event) => [event.envelope.type, event.envelope.payload])).toEqual([
      ['membership.added', { groupId: own.id, userId: newcomer.id, roles: ['learner'] }],
      ['membership.removed', { groupId: own.id, userId: learner.id }],
    ]);
    await expect(
      testbed.addMember.execute({
        tenantId: TEST_TENANT,
        groupId: other.id,
        userId: newcomer.id,
        roles: ['learner'],
        actor: actorFor(admin),
      }),
    ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
    await expect(
      testbed.removeMember.execute({
        tenantId: TEST_TENANT,
        groupId: other.id,
        userId: learner.id,
        actor: actorFor(admin),
      }),
    ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a group coach, it may not add members', async () => {
    const { testbed, own } = await givenTwoGroups();
    const coach = await testbed.givenUser();
    await testbed.givenMember(own, coach, ['coach']);

    await expect(
      testbed.addMember.execute({
        tenantId: TEST_TENANT,
        groupId: own.id,
        userId: coach.id,
        roles: ['admin'],
        actor: actorFor(coach),
      }),
    ).rejects.toMatchObject({ code: 'GROUP.FORBIDDEN' });
  });
});
