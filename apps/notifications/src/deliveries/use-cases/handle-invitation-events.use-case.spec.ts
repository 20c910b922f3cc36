import { randomUUID } from 'node:crypto';
import { MAIL_CATEGORIES } from '../../preferences/domain/mail-preferences';
import { inviteeIdOf, planInvitationDeliveries } from '../domain/invitation-deliveries';
import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
  userUpdated,
  type TestUser,
} from '../../testing/notifications-testbed';
import type { InvitationEventCommand } from './handle-invitation-events.use-case';

describe('mails about invitations to groups (ID-G2)', () => {
  const inviter = aUser('Giulia', 'Neri', 'it');
  const now = new Date('2026-03-02T09:00:00.000Z');

  /** An invitation of `email` (or of `user` by id) to the group "Vendite Nord" as learner and coach. */
  function anInvitation(to: { email: string; userId?: string }) {
    const invitationId = randomUUID();
    const event = (
      type: InvitationEventCommand['type'],
      version: number,
      overrides: Partial<InvitationEventCommand['invitation']> = {},
    ): InvitationEventCommand => ({
      eventId: randomUUID(),
      tenantId: TEST_TENANT,
      type,
      version,
      invitation: {
        invitationId,
        groupId: 'group-1',
        groupName: 'Vendite Nord',
        email: to.email,
        userId: to.userId ?? null,
        roles: ['learner', 'coach'],
        status: 'pending',
        invitedBy: inviter.userId,
        reminders: 0,
        ...overrides,
      },
    });
    return {
      invitationId,
      created: () => event('invitation.created', 1),
      reminded: (reminders: number) => event('invitation.reminded', 1 + reminders, { reminders }),
      accepted: (version: number) => event('invitation.accepted', version, { status: 'accepted' }),
      revoked: (version: number) => event('invitation.revoked', version, { status: 'revoked' }),
    };
  }

  async function setUp(...users: TestUser[]) {
    const testbed = buildNotificationsTestbed();
    for (const user of [inviter, ...users]) await testbed.userArrives(userCreated(user));
    /** What the consumer does with a batch, then what the sender does with what became due. */
    const handle = async (...commands: InvitationEventCommand[]) => {
      await testbed.recordInvitationMails.execute(commands);
      await testbed.sendDue.execute();
    };
    return { testbed, handle };
  }

  it('plans one mail to the invited address when invited and one per reminder; an accepted or revoked invitation mails nobody', () => {
    const invitation = anInvitation({ email: 'new.person@example.test' });
    const invitee = inviteeIdOf(TEST_TENANT, { userId: null, email: 'New.Person@example.test ' });

    expect(planInvitationDeliveries(invitation.created(), now).map((d) => [d.recipientId, d.kind])).toEqual([
      [invitee, 'invitation.created'],
    ]);
    expect(planInvitationDeliveries(invitation.reminded(1), now).map((d) => d.kind)).toEqual([
      'invitation.reminded',
    ]);
    // Nothing to say to the one who accepted, nor about an invitation no longer open.
    expect(planInvitationDeliveries(invitation.accepted(2), now)).toEqual([]);
    expect(planInvitationDeliveries(invitation.revoked(2), now)).toEqual([]);
  });

  it('given an Italian user invited by address and the event delivered twice, then one mail in Italian naming the group, the roles, who invited and where to accept', async () => {
    const mario = aUser('Mario', 'Bianchi', 'it');
    const { testbed, handle } = await setUp(mario);
    const invitation = anInvitation({ email: mario.email.toUpperCase() });
    const created = invitation.created();

    await handle(created);
    await handle(created);

    const [mail, ...more] = testbed.mailer.sent;
    expect(more).toEqual([]);
    expect(mail?.to).toEqual({ address: mario.email.toUpperCase(), name: 'Mario Bianchi' });
    expect(mail?.subject).toBe('Sei invitato a unirti al gruppo Vendite Nord');
    expect(mail?.text).toContain('Ciao Mario,');
    expect(mail?.text).toContain('Giulia Neri ti ha invitato a unirti al gruppo Vendite Nord.');
    expect(mail?.text).toContain('Ruoli proposti: studente e coach.');
    expect(mail?.text).toContain(
      `Accetta l'invito: https://app.example.test/invitations/${invitation.invitationId}/accept`,
    );
    expect(mail?.html).toContain('<p>Ruoli proposti: studente e coach.</p>');
  });

  it('given an address without an account, then it is mailed at once, in English, greeting nobody by name', async () => {
    const { testbed, handle } = await setUp();
    const invitation = anInvitation({ email: 'newcomer@example.test' });

    await handle(invitation.created());

    const [mail, ...more] = testbed.mailer.to('newcomer@example.test');
    expect(more).toEqual([]);
    expect(mail?.to.name).toBe('');
    expect(mail?.subject).toBe('You are invited to join Vendite Nord');
    expect(mail?.text).toMatch(/^Hello,\n\nGiulia Neri has invited you to join the group Vendite Nord\.\n/);
    expect(mail?.text).toContain('Roles offered: learner and coach.');
  });

  it('given a reminder, then a second mail, and each further reminder one more; a redelivered reminder none', async () => {
    const ada = aUser('Ada', 'Lovelace');
    const { testbed, handle } = await setUp(ada);
    const invitation = anInvitation({ email: ada.email, userId: ada.userId });
    const reminder = invitation.reminded(1);

    await handle(invitation.created());
    await handle(reminder);
    await handle(reminder);
    await handle(invitation.reminded(2));

    expect(testbed.mailer.to(ada.email).map((mail) => mail.subject)).toEqual([
      'You are invited to join Vendite Nord',
      'Reminder: you are invited to join Vendite Nord',
      'Reminder: you are invited to join Vendite Nord',
    ]);
    expect(testbed.mailer.to(ada.email)[1]?.text).toContain(
      'Giulia Neri has invited you to join the group Vendite Nord: the invitation is still open.',
    );
  });

  it('given a revoked invitation, when its invitation.created is replayed afterwards, then nobody is mailed; nor when both come in one batch', async () => {
    const { testbed, handle } = await setUp();
    const replayed = anInvitation({ email: 'late@example.test' });
    const sameBatch = anInvitation({ email: 'quick@example.test' });

    await handle(replayed.revoked(2));
    await handle(replayed.created());
    await handle(sameBatch.created(), sameBatch.revoked(2));
    await handle(anInvitation({ email: 'accepted@example.test' }).accepted(2));

    expect(testbed.mailer.sent).toEqual([]);
  });

  it('given an invited user deactivated or expired, then nothing is sent and the delivery is cancelled', async () => {
    const deactivated = aUser('Dora', 'Spenta');
    const expired = aUser('Ezio', 'Scaduto');
    const { testbed, handle } = await setUp(deactivated, expired);
    await testbed.usersChange(
      userUpdated(deactivated, { version: 2, state: 'deactivated' }),
      userUpdated(expired, { version: 2, state: 'active', expiresAt: new Date('2026-01-01T00:00:00.000Z') }),
    );

    await handle(
      anInvitation({ email: deactivated.email, userId: deactivated.userId }).created(),
      anInvitation({ email: expired.email }).created(),
    );

    expect(testbed.mailer.sent).toEqual([]);
    expect(await testbed.deliveriesTo(deactivated.userId)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        lastError: expect.stringMatching(/^RECIPIENT.DEACTIVATED/),
      }),
    ]);
    expect(
      await testbed.deliveriesTo(inviteeIdOf(TEST_TENANT, { userId: null, email: expired.email })),
    ).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        lastError: expect.stringMatching(/^RECIPIENT.EXPIRED/),
      }),
    ]);
  });

  it('given a user who opted out of every category, then its invitation still comes: invitations are no category', async () => {
    const ada = aUser('Ada', 'Lovelace');
    const { testbed, handle } = await setUp(ada);
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: ada.userId,
      optedOut: MAIL_CATEGORIES,
    });

    await handle(anInvitation({ email: ada.email, userId: ada.userId }).created());

    expect(testbed.mailer.to(ada.email)).toHaveLength(1);
  });

  it('given a user invited by id before the users stream brought it, then the mail waits for it and goes out in its language', async () => {
    const bruno = aUser('Bruno', 'Rossi', 'it');
    const { testbed, handle } = await setUp();

    await handle(anInvitation({ email: bruno.email, userId: bruno.userId }).created());
    expect(testbed.mailer.sent).toEqual([]);
    await testbed.userArrives(userCreated(bruno));

    expect(testbed.mailer.to(bruno.email).map((mail) => mail.subject)).toEqual([
      'Sei invitato a unirti al gruppo Vendite Nord',
    ]);
  });

  it('given an inviter notifications does not know, then the mail says who was invited without naming who invited', async () => {
    const { testbed, handle } = await setUp();
    const invitation = anInvitation({ email: 'someone@example.test' });

    await handle({
      ...invitation.created(),
      invitation: { ...invitation.created().invitation, invitedBy: null },
    });

    expect(testbed.mailer.sent[0]?.text).toContain('You have been invited to join the group Vendite Nord.');
  });
});
