import { randomUUID } from 'node:crypto';
import { GroupInvitationsStream, type InvitationStateV1 } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { eventually, MaildevClient, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment } from '@lms/service-testing';
import { notificationsUnderTest } from './support/notifications-under-test';
import { aPerson, TestEvents } from './support/test-events';

const run = uniqueSuffix();
const tenantId = `tenant-${run}`;
isolateTestEnvironment('notifications');

/**
 * An invitation to a group mails the invited address (ID-G2), against the real broker,
 * database and SMTP server: the invitation events go in through Kafka as identity publishes
 * them, the mails come out in MailDev.
 */
describe('mails about invitations to groups (Kafka + Mongo + SMTP)', () => {
  const mailbox = new MaildevClient();
  const platform = new TestEvents(tenantId);
  const identity = new EventFactory('identity');
  const notifications = notificationsUnderTest(tenantId, `notifications-invitations-test-${run}`);
  const { publishAndWait } = notifications;

  it('given an Italian user invited by address and the event delivered twice, then one mail in Italian naming the group; a reminder then makes a second one', async () => {
    const inviter = aPerson('Giulia', 'Neri', 'it');
    const invited = aPerson('Mario', 'Bianchi', 'it');
    await publishAndWait([platform.userCreated(inviter), platform.userCreated(invited)]);
    const invitationId = randomUUID();
    const state: InvitationStateV1 = {
      invitationId,
      groupId: randomUUID(),
      groupName: `Vendite Nord ${run}`,
      email: invited.email,
      userId: null,
      roles: ['learner', 'coach'],
      status: 'pending',
      invitedBy: inviter.userId,
      reminders: 0,
      createdAt: new Date().toISOString(),
    };
    const created = identity.create(GroupInvitationsStream, 'invitation.created', {
      tenantId,
      aggregateId: invitationId,
      aggregateVersion: 1,
      payload: state,
    });

    await publishAndWait([created]);
    await publishAndWait([created]);

    const [mail, ...more] = await eventually(async () => {
      const received = await mailbox.to(invited.email);
      expect(received).toHaveLength(1);
      return received;
    });
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Sei invitato a unirti al gruppo Vendite Nord ${run}`);
    expect(mail?.text).toContain('Ciao Mario,');
    expect(mail?.text).toContain(`Giulia Neri ti ha invitato a unirti al gruppo Vendite Nord ${run}.`);
    expect(mail?.text).toContain('Ruoli proposti: studente e coach.');
    expect(mail?.html).toContain(`/invitations/${invitationId}/accept`);

    await publishAndWait([
      identity.create(GroupInvitationsStream, 'invitation.reminded', {
        tenantId,
        aggregateId: invitationId,
        aggregateVersion: 2,
        payload: { ...state, reminders: 1 },
      }),
    ]);

    const subjects = await eventually(async () => {
      const received = await mailbox.to(invited.email);
      expect(received).toHaveLength(2);
      return received.map((received) => received.subject).sort();
    });
    expect(subjects).toEqual([
      `Promemoria: sei invitato a unirti al gruppo Vendite Nord ${run}`,
      `Sei invitato a unirti al gruppo Vendite Nord ${run}`,
    ]);
  });
});
