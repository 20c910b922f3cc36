import { randomUUID } from 'node:crypto';
import { ImportsStream } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { eventually, MaildevClient, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment } from '@lms/service-testing';
import { notificationsUnderTest } from './support/notifications-under-test';
import { aPerson, TestEvents } from './support/test-events';

const run = uniqueSuffix();
const tenantId = `tenant-${run}`;
isolateTestEnvironment('notifications');

/**
 * An import over mails the administrator who started it (ID-I4), against the real broker,
 * database and SMTP server: `import.finished` goes in through Kafka as identity publishes it,
 * the mail comes out in MailDev.
 */
describe('mails about imports (Kafka + Mongo + SMTP)', () => {
  const mailbox = new MaildevClient();
  const platform = new TestEvents(tenantId);
  const identity = new EventFactory('identity');
  const notifications = notificationsUnderTest(tenantId, `notifications-imports-test-${run}`);
  const { publishAndWait } = notifications;

  it('given an import over and its event delivered twice, then its administrator gets one mail, in its language, with the counts', async () => {
    const administrator = aPerson('Ilaria', 'Bruni', 'it');
    await publishAndWait([platform.userCreated(administrator)]);
    const importId = randomUUID();
    const finished = identity.create(ImportsStream, 'import.finished', {
      tenantId,
      aggregateId: importId,
      aggregateVersion: 9,
      payload: {
        importId,
        kind: 'users',
        outcome: 'finished',
        startedBy: administrator.userId,
        dryRun: false,
        mode: 'valid_rows',
        rowsRead: 40,
        rowsApplied: 38,
        rowsRejected: 2,
        fileName: 'persone.csv',
      },
    });

    await publishAndWait([finished]);
    await publishAndWait([finished]);

    const [mail, ...more] = await eventually(async () => {
      const received = await mailbox.to(administrator.email);
      expect(received).toHaveLength(1);
      return received;
    });
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('La tua importazione è terminata');
    expect(mail?.text).toContain("L'importazione di persone.csv ha applicato 38 delle sue 40 righe.");
    expect(mail?.html).toContain(`/admin/imports/${importId}`);
  });
});
