import { buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('Manager and Agent, derived from units, teams and managees (ID-R1)', () => {
  function userEvents(testbed: ReturnType<typeof buildIdentityTestbed>) {
    return testbed.outbox
      .drain()
      .filter((entry) => entry.topic === 'identity.users.v1')
      .map((entry) => entry.envelope.payload as { userId: string; isManager: boolean; isAgent: boolean });
  }

  it('given a user set as manager of a unit, then it is a Manager, published; removed, it is no longer', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);
    const ann = await testbed.givenUser();
    const ref = { tenantId: TEST_TENANT, unitId: unit.id, userId: ann.id };

    const managed = await testbed.changeNodeManager.execute({ ...ref, change: 'add' });

    expect(managed.managerIds).toEqual([ann.id]);
    const added = testbed.outbox.drain();
    expect(added.map((e) => e.envelope.type)).toEqual(['unit.manager-added', 'user.updated']);
    expect(added[0].envelope.payload).toEqual({
      unitId: unit.id,
      name: 'North',
      managerIds: [ann.id],
      userId: ann.id,
    });
    expect(added[1].envelope.payload).toMatchObject({ userId: ann.id, isManager: true, isAgent: false });
    expect(await testbed.users.findById(TEST_TENANT, ann.id)).toMatchObject({ isManager: true, version: 2 });

    await testbed.changeNodeManager.execute({ ...ref, change: 'add' });
    expect(testbed.outbox.drain()).toEqual([]);

    await testbed.changeNodeManager.execute({ ...ref, change: 'remove' });
    expect(userEvents(testbed)).toEqual([expect.objectContaining({ userId: ann.id, isManager: false })]);
  });

  it('keeps a Manager who still manages a team when it stops managing a unit', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);
    const team = await testbed.givenTeam(unit);
    const ann = await testbed.givenUser();
    await testbed.changeNodeManager.execute({
      tenantId: TEST_TENANT,
      unitId: unit.id,
      userId: ann.id,
      change: 'add',
    });
    await testbed.changeNodeManager.execute({
      tenantId: TEST_TENANT,
      unitId: unit.id,
      teamId: team.id,
      userId: ann.id,
      change: 'add',
    });
    testbed.outbox.drain();

    await testbed.changeNodeManager.execute({
      tenantId: TEST_TENANT,
      unitId: unit.id,
      userId: ann.id,
      change: 'remove',
    });

    expect(userEvents(testbed)).toEqual([]);
    expect(await testbed.users.findById(TEST_TENANT, ann.id)).toMatchObject({ isManager: true });
  });

  it('makes an Agent of a team member, and no longer once it leaves or the team is deleted', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);
    const team = await testbed.givenTeam(unit);
    const [bob, cy] = [await testbed.givenUser(), await testbed.givenUser()];
    const member = (userId: string, change: 'add' | 'remove') =>
      testbed.changeTeamMember.execute({
        tenantId: TEST_TENANT,
        unitId: unit.id,
        teamId: team.id,
        userId,
        change,
      });

    await member(bob.id, 'add');
    const joined = await member(cy.id, 'add');

    expect(joined.memberIds).toEqual([bob.id, cy.id]);
    const events = testbed.outbox.drain();
    expect(events.map((e) => e.envelope.type)).toEqual([
      'team.member-added',
      'user.updated',
      'team.member-added',
      'user.updated',
    ]);
    expect(events[0].envelope.payload).toEqual({ unitId: unit.id, teamId: team.id, userId: bob.id });
    expect(events[1].envelope.payload).toMatchObject({ userId: bob.id, isAgent: true, isManager: false });

    await member(bob.id, 'remove');
    expect(userEvents(testbed)).toEqual([expect.objectContaining({ userId: bob.id, isAgent: false })]);

    await testbed.deleteNode.execute({ tenantId: TEST_TENANT, unitId: unit.id, teamId: team.id });
    expect(userEvents(testbed)).toEqual([expect.objectContaining({ userId: cy.id, isAgent: false })]);
  });
});
