import { randomUUID } from 'node:crypto';
import { actorFor, administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('invitations to a group (ID-G2)', () => {
  async function givenGroupWithAdmin() {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const group = await testbed.givenGroup({ name: 'Sales' });
    const admin = await testbed.givenUser();
    await testbed.givenMember(group, admin, ['admin']);
    return { testbed, group, admin };
  }

  it("given a group's admin, when it invites an address, then the invitation is pending and invitation.created names the group", async () => {
    const { testbed, group, admin } = await givenGroupWithAdmin();

    const invitation = await testbed.createInvitation.execute({
      actor: actorFor(admin),
      groupId: group.id,
      email: 'grace@example.com',
      roles: ['learner', 'coach'],
    });

    expect(invitation).toMatchObject({ status: 'pending', roles: ['learner', 'coach'], invitedBy: admin.id });
    expect(testbed.outbox.drain().map((event) => [event.topic, event.envelope])).toMatchObject([
      [
        'identity.group-invitations.v1',
        {
          type: 'invitation.created',
          aggregateId: invitation.id,
          payload: {
            groupId: group.id,
            groupName: 'Sales',
            email: 'grace@example.com',
            userId: null,
            status: 'pending',
          },
        },
      ],
    ]);
    const listed = await testbed.listInvitations.execute({
      actor: actorFor(admin),
      groupId: group.id,
      page: { limit: 10 },
    });
    expect(listed.items.map((each) => each.id)).toEqual([invitation.id]);
  });

  it('refuses an invitation naming both or neither invitee, an unknown user, or a caller who is no admin of the group', async () => {
    const { testbed, group } = await givenGroupWithAdmin();
    const coach = await testbed.givenUser();
    await testbed.givenMember(group, coach, ['coach']);
    const invite = (command: { email?: string; userId?: string }, actor = administratorOf()) =>
      testbed.createInvitation.execute({ actor, groupId: group.id, roles: ['learner'], ...command });

    await expect(invite({})).rejects.toMatchObject({ code: 'INVITATION.INVITEE_INVALID' });
    await expect(invite({ email: 'a@example.com', userId: coach.id })).rejects.toMatchObject({
      code: 'INVITATION.INVITEE_INVALID',
    });
    await expect(invite({ userId: randomUUID() })).rejects.toMatchObject({
      code: 'INVITATION.INVITEE_INVALID',
    });
    await expect(invite({ email: 'a@example.com' }, actorFor(coach))).rejects.toMatchObject({
      code: 'GROUP.FORBIDDEN',
    });
  });

  it('given an invitation by address, when the account of that address accepts it, then it joins with membership.added, once', async () => {
    const { testbed, group } = await givenGroupWithAdmin();
    const grace = await testbed.givenUser({ email: 'Grace@Example.com' });
    const invitation = await testbed.createInvitation.execute({
      actor: administratorOf(),
      groupId: group.id,
      email: 'grace@example.com',
      roles: ['coach'],
    });
    testbed.outbox.drain();

    const { membership } = await testbed.acceptInvitation.execute({
      actor: actorFor(grace),
      invitationId: invitation.id,
    });

    expect(membership).toMatchObject({
      groupId: group.id,
      userId: grace.id,
      roles: ['coach'],
      status: 'active',
    });
    expect(
      testbed.outbox.drain().map((event) => [event.envelope.type, event.envelope.payload]),
    ).toMatchObject([
      ['membership.added', { groupId: group.id, userId: grace.id, roles: ['coach'] }],
      ['invitation.accepted', { invitationId: invitation.id, status: 'accepted', userId: grace.id }],
    ]);
    await expect(
      testbed.acceptInvitation.execute({ actor: actorFor(grace), invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'INVITATION.ALREADY_ACCEPTED' });
  });

  it('refuses another account (INVITATION.NOT_INVITEE), an unknown invitation, and a revoked one', async () => {
    const { testbed, group, admin } = await givenGroupWithAdmin();
    const invited = await testbed.givenUser();
    const someoneElse = await testbed.givenUser();
    const invitation = await testbed.createInvitation.execute({
      actor: actorFor(admin),
      groupId: group.id,
      userId: invited.id,
      roles: ['learner'],
    });

    await expect(
      testbed.acceptInvitation.execute({ actor: actorFor(someoneElse), invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'INVITATION.NOT_INVITEE' });
    await expect(
      testbed.acceptInvitation.execute({ actor: actorFor(invited), invitationId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'INVITATION.NOT_FOUND' });

    await testbed.revokeInvitation.execute({ actor: actorFor(admin), invitationId: invitation.id });

    await expect(
      testbed.acceptInvitation.execute({ actor: actorFor(invited), invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'INVITATION.REVOKED' });
    await expect(
      testbed.revokeInvitation.execute({ actor: actorFor(admin), invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'INVITATION.REVOKED' });
    expect(await testbed.memberships.find(TEST_TENANT, group.id, invited.id)).toBeNull();
  });

  it('records a reminder at most once per hour (INVITATION.REMINDED_TOO_SOON), each with invitation.reminded', async () => {
    const { testbed, group, admin } = await givenGroupWithAdmin();
    const invitation = await testbed.createInvitation.execute({
      actor: actorFor(admin),
      groupId: group.id,
      email: 'ada@example.com',
      roles: ['learner'],
    });
    testbed.outbox.drain();

    await expect(
      testbed.remindInvitation.execute({ actor: actorFor(admin), invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'INVITATION.REMINDED_TOO_SOON' });
    testbed.clock.set(new Date('2026-03-02T10:00:00.000Z'));
    const reminded = await testbed.remindInvitation.execute({
      actor: actorFor(admin),
      invitationId: invitation.id,
    });

    expect(reminded).toMatchObject({ reminders: 1 });
    expect(testbed.outbox.drain().map((event) => event.envelope)).toMatchObject([
      {
        type: 'invitation.reminded',
        payload: { invitationId: invitation.id, reminders: 1, email: 'ada@example.com' },
      },
    ]);
    testbed.clock.set(new Date('2026-03-02T10:59:00.000Z'));
    await expect(
      testbed.remindInvitation.execute({ actor: actorFor(admin), invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'INVITATION.REMINDED_TOO_SOON' });
  });
});
