import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('units and teams (ID-G3)', () => {
  it('given a new unit and a team in it, then both are published with their full state', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const unit = await testbed.createUnit.execute({ tenantId: TEST_TENANT, name: ' North ' });
    const team = await testbed.createTeam.execute({ tenantId: TEST_TENANT, unitId: unit.id, name: 'Sales' });

    expect(unit).toMatchObject({ name: 'North', managerIds: [], version: 1 });
    expect(
      testbed.outbox
        .drain()
        .map((entry) => [entry.topic, entry.key, entry.envelope.type, entry.envelope.payload]),
    ).toEqual([
      [
        'identity.organisation.v1',
        `${TEST_TENANT}:${unit.id}`,
        'unit.created',
        { unitId: unit.id, name: 'North', managerIds: [] },
      ],
      [
        'identity.organisation.v1',
        `${TEST_TENANT}:${team.id}`,
        'team.created',
        { teamId: team.id, unitId: unit.id, name: 'Sales', managerIds: [] },
      ],
    ]);
  });

  it("answers UNIT.NOT_FOUND for another tenant's unit, and TEAM.NOT_FOUND for a team under another unit", async () => {
    const testbed = buildIdentityTestbed();
    const elsewhere = await testbed.givenUnit(OTHER_TENANT);
    const [north, south] = [
      await testbed.givenUnit(TEST_TENANT),
      await testbed.givenUnit(TEST_TENANT, 'South'),
    ];
    const sales = await testbed.givenTeam(north);

    await expect(
      testbed.getNode.execute({ tenantId: TEST_TENANT, unitId: elsewhere.id }),
    ).rejects.toMatchObject({
      code: 'UNIT.NOT_FOUND',
      kind: 'not_found',
    });
    await expect(
      testbed.createTeam.execute({ tenantId: TEST_TENANT, unitId: elsewhere.id, name: 'Sneaky' }),
    ).rejects.toMatchObject({ code: 'UNIT.NOT_FOUND' });
    await expect(
      testbed.getNode.execute({ tenantId: TEST_TENANT, unitId: south.id, teamId: sales.id }),
    ).rejects.toMatchObject({ code: 'TEAM.NOT_FOUND' });
    await expect(testbed.getNode.execute({ tenantId: TEST_TENANT, unitId: sales.id })).rejects.toMatchObject({
      code: 'UNIT.NOT_FOUND',
    });
  });

  it("lists units and a unit's teams page by page", async () => {
    const testbed = buildIdentityTestbed();
    const units = [];
    for (const name of ['A', 'B', 'C']) {
      testbed.clock.advance(1);
      units.push(await testbed.givenUnit(TEST_TENANT, name));
    }
    const team = await testbed.givenTeam(units[0]);

    const first = await testbed.listUnits.execute({ tenantId: TEST_TENANT, page: { limit: 2 } });
    const rest = await testbed.listUnits.execute({
      tenantId: TEST_TENANT,
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });
    const teams = await testbed.listTeams.execute({
      tenantId: TEST_TENANT,
      unitId: units[0].id,
      page: { limit: 50 },
    });

    expect([...first.items, ...rest.items].map((unit) => unit.name)).toEqual(['A', 'B', 'C']);
    expect(rest.nextCursor).toBeNull();
    expect(teams.items.map((t) => t.id)).toEqual([team.id]);
  });

  it('renames with If-Match, publishes the new state, and refuses a stale version', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);

    const renamed = await testbed.renameNode.execute({
      tenantId: TEST_TENANT,
      unitId: unit.id,
      name: 'Nord',
      expectedVersion: 1,
    });
    const same = await testbed.renameNode.execute({ tenantId: TEST_TENANT, unitId: unit.id, name: 'Nord' });

    expect(renamed).toMatchObject({ name: 'Nord', version: 2 });
    expect(same.version).toBe(2);
    expect(testbed.outbox.drain().map((e) => [e.envelope.type, e.envelope.aggregateVersion])).toEqual([
      ['unit.updated', 2],
    ]);
    await expect(
      testbed.renameNode.execute({
        tenantId: TEST_TENANT,
        unitId: unit.id,
        name: 'Norte',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST.STALE_VERSION' });
  });

  it('given a unit with a team, when it is deleted, then UNIT.HAS_TEAMS; once the team is gone, it is deleted', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);
    const team = await testbed.givenTeam(unit);

    await expect(
      testbed.deleteNode.execute({ tenantId: TEST_TENANT, unitId: unit.id }),
    ).rejects.toMatchObject({
      code: 'UNIT.HAS_TEAMS',
      kind: 'conflict',
    });
    expect(testbed.outbox.drain()).toEqual([]);

    await testbed.deleteNode.execute({ tenantId: TEST_TENANT, unitId: unit.id, teamId: team.id });
    await testbed.deleteNode.execute({ tenantId: TEST_TENANT, unitId: unit.id });

    expect(testbed.outbox.drain().map((e) => e.envelope.type)).toEqual(['team.deleted', 'unit.deleted']);
    await expect(testbed.getNode.execute({ tenantId: TEST_TENANT, unitId: unit.id })).rejects.toMatchObject({
      code: 'UNIT.NOT_FOUND',
    });
  });

  it('retries on fresh state when another request renamed the unit in between', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);
    const manager = await testbed.givenUser();
    testbed.organisationNodes.beforeNextWrite(() =>
      testbed.organisationNodes.overwrite({ ...unit, name: 'Renamed', version: 2 }),
    );

    const managed = await testbed.changeNodeManager.execute({
      tenantId: TEST_TENANT,
      unitId: unit.id,
      userId: manager.id,
      change: 'add',
    });

    expect(managed).toMatchObject({ name: 'Renamed', managerIds: [manager.id], version: 3 });
  });

  it('refuses a manager or a member who is no user of the tenant', async () => {
    const testbed = buildIdentityTestbed();
    const unit = await testbed.givenUnit(TEST_TENANT);
    const team = await testbed.givenTeam(unit);
    const stranger = await testbed.givenUser({ tenantId: OTHER_TENANT });

    for (const userId of [stranger.id, randomUUID()]) {
      await expect(
        testbed.changeNodeManager.execute({ tenantId: TEST_TENANT, unitId: unit.id, userId, change: 'add' }),
      ).rejects.toMatchObject({ code: 'ORGANISATION.USER_UNKNOWN', kind: 'invalid' });
      await expect(
        testbed.changeTeamMember.execute({
          tenantId: TEST_TENANT,
          unitId: unit.id,
          teamId: team.id,
          userId,
          change: 'add',
        }),
      ).rejects.toMatchObject({ code: 'ORGANISATION.USER_UNKNOWN' });
    }
    expect(testbed.outbox.drain()).toEqual([]);
  });
});
