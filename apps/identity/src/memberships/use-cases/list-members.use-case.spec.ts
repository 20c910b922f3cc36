import { randomUUID } from 'node:crypto';
import { buildIdentityTestKit, TEST_TENANT } from '../../testing/identity-test-kit';

describe('ListMembersUseCase', () => {
  it('lists the active members, optionally only those with a role, page by page', async () => {
    const kit = buildIdentityTestKit();
    const group = await kit.givenGroup();
    const [ada, bob, cy, dan] = [
      await kit.givenUser(),
      await kit.givenUser(),
      await kit.givenUser(),
      await kit.givenUser(),
    ];
    for (const [user, roles] of [
      [ada, ['learner']],
      [bob, ['learner', 'coach']],
      [cy, ['coach']],
      [dan, ['learner']],
    ] as const) {
      kit.clock.advance(1);
      await kit.givenMember(group, user, [...roles]);
    }
    await kit.removeMember.execute({ tenantId: TEST_TENANT, groupId: group.id, userId: dan.id });

    const all = await kit.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      page: { limit: 2, offset: 0 },
    });
    const rest = await kit.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      page: { limit: 2, offset: 2 },
    });
    const coaches = await kit.listMembers.execute({
      tenantId: TEST_TENANT,
      groupId: group.id,
      role: 'coach',
      page: { limit: 50, offset: 0 },
    });

    expect(all.items.map((m) => m.userId)).toEqual([ada.id, bob.id]);
    expect(all.nextOffset).toBe(2);
    expect(rest.items.map((m) => m.userId)).toEqual([cy.id]);
    expect(rest.nextOffset).toBeNull();
    expect(coaches.items.map((m) => m.userId)).toEqual([bob.id, cy.id]);
  });

  it('answers GROUP.NOT_FOUND for an unknown group', async () => {
    const kit = buildIdentityTestKit();

    await expect(
      kit.listMembers.execute({
        tenantId: TEST_TENANT,
        groupId: randomUUID(),
        page: { limit: 50, offset: 0 },
      }),
    ).rejects.toMatchObject({ code: 'GROUP.NOT_FOUND' });
  });
});
