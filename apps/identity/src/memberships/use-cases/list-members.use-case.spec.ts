import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('ListMembersUseCase', () => {
  it('lists the active members, optionally only those with a role, page by page', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const [ada, bob, cy, dan] = [
      await testbed.givenUser(),
      await testbed.givenUser(),
      await testbed.givenUser(),
      await testbed.givenUser(),
    ];
    for (const [user, roles] of [
      [ada, ['learner']],
      [bob, ['learner', 'coach']],
      [cy, ['coach']],
      [dan, ['learner']],
    ] as const) {
      testbed.clock.advance(1);
      await testbed.givenMember(group, user, [...roles]);
    }
    await testbed.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: dan.id });

    const all = await testbed.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      page: { limit: 2 },
    });
    const rest = await testbed.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      page: { limit: 2, cursor: all.nextCursor ?? undefined },
    });
    const coaches = await testbed.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      role: 'coach',
      page: { limit: 50 },
    });

    expect(all.items.map((m) => m.userId)).toEqual([ada.id, bob.id]);
    expect(all.nextCursor).toEqual(expect.any(String));
    expect(rest.items.map((m) => m.userId)).toEqual([cy.id]);
    expect(rest.nextCursor).toBeNull();
    expect(coaches.items.map((m) => m.userId)).toEqual([bob.id, cy.id]);
  });

  it('answers GROUP.NOT_FOUND for an unknown group', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.listMembers.execute({
        tenantId: TEST_TENANT,
        groupId: randomUUID(),
        page: { limit: 50 },
      }),
    ).rejects.toMatchObject({ code: 'GROUP.NOT_FOUND' });
  });
});
