import { randomUUID } from 'node:crypto';
import { GroupInvitationsStream, type InvitationStateV1 } from '@lms/contracts';
import { aUser, buildNotificationsTestbed, envelope, userCreated } from '../testing/notifications-testbed';
import { GroupInvitationEventsConsumer } from './group-invitation-events.consumer';

describe('GroupInvitationEventsConsumer', () => {
  const invited = aUser('Bruno', 'Rossi', 'it');
  const inviter = aUser('Ada', 'Lovelace');

  function state(invitationId: string, overrides: Partial<InvitationStateV1> = {}): InvitationStateV1 {
    return {
      invitationId,
      groupId: randomUUID(),
      groupName: 'Vendite Nord',
      email: invited.email,
      userId: invited.userId,
      roles: ['learner', 'reviewer'],
      status: 'pending',
      invitedBy: inviter.userId,
      reminders: 0,
      createdAt: '2026-03-02T09:00:00.000Z',
      ...overrides,
    };
  }

  it('given an invitation created and reminded, then accepted, then the invited user gets the invitation and the reminder in its language, and nothing for the acceptance', async () => {
    const testbed = buildNotificationsTestbed();
    for (const user of [invited, inviter]) await testbed.userArrives(userCreated(user));
    const consumer = new GroupInvitationEventsConsumer(testbed.recordInvitationMails);
    const invitationId = randomUUID();
    const event = (
      type: 'invitation.created' | 'invitation.reminded' | 'invitation.accepted',
      version: number,
      overrides: Partial<InvitationStateV1> = {},
    ) =>
      envelope('identity', GroupInvitationsStream, type, {
        aggregateId: invitationId,
        aggregateVersion: version,
        payload: state(invitationId, overrides),
      });
    const created = event('invitation.created', 1);
    const reminded = event('invitation.reminded', 2, { reminders: 1 });

    await consumer.onInvitationEvents([created, reminded]);
    await consumer.onInvitationEvents([
      event('invitation.accepted', 3, { status: 'accepted', reminders: 1 }),
    ]);
    await testbed.sendDue.execute();

    expect(testbed.deliveries.all()).toEqual([
      expect.objectContaining({
        sourceEventId: created.eventId,
        recipientId: invited.userId,
        kind: 'invitation.created',
        context: {
          invitation: {
            invitationId,
            groupId: created.payload.groupId,
            groupName: 'Vendite Nord',
            email: invited.email,
            userId: invited.userId,
            roles: ['learner', 'reviewer'],
            invitedBy: inviter.userId,
            reminders: 0,
          },
        },
      }),
      expect.objectContaining({ sourceEventId: reminded.eventId, kind: 'invitation.reminded' }),
    ]);
    const mails = testbed.mailer.to(invited.email);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'Promemoria: sei invitato a unirti al gruppo Vendite Nord',
      'Sei invitato a unirti al gruppo Vendite Nord',
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain('Ruoli proposti: studente e revisore.');
      expect(mail.text).toContain('Ada Lovelace ti ha invitato');
    }
  });
});
