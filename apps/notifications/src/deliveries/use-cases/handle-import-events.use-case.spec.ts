import { randomUUID } from 'node:crypto';
import { planImportDeliveries } from '../domain/import-deliveries';
import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';
import type { ImportEventCommand } from './handle-import-events.use-case';

describe('mails about imports (ID-I4)', () => {
  const administrator = aUser('Ilaria', 'Rossi', 'it');
  const importId = randomUUID();

  function finished(overrides: Partial<ImportEventCommand['result']> = {}): ImportEventCommand {
    return {
      eventId: randomUUID(),
      tenantId: TEST_TENANT,
      type: 'import.finished',
      version: 7,
      result: {
        importId,
        kind: 'users',
        outcome: 'finished',
        startedBy: administrator.userId,
        dryRun: false,
        fileName: 'persone.csv',
        rowsRead: 120,
        rowsApplied: 117,
        rowsRejected: 3,
        ...overrides,
      },
    };
  }

  it('mails the administrator who started the import, and nobody when it was started without an account', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');

    expect(planImportDeliveries(finished(), now).map((d) => [d.recipientId, d.kind])).toEqual([
      [administrator.userId, 'import.finished'],
    ]);
    expect(planImportDeliveries(finished({ startedBy: null }), now)).toEqual([]);
  });

  it('given an import over and its event delivered twice, then one mail in the administrator language, with its counts and a link to it', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(administrator));
    const event = finished();

    await testbed.recordImportMails.execute([event]);
    await testbed.recordImportMails.execute([event]);
    await testbed.sendDue.execute();

    const [mail, ...more] = testbed.mailer.to(administrator.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('La tua importazione è terminata');
    expect(mail?.text).toContain("L'importazione di persone.csv ha applicato 117 delle sue 120 righe.");
    expect(mail?.text).toContain('3 righe non sono state applicate');
    expect(mail?.text).toContain(`https://app.example.test/admin/imports/${importId}`);
  });

  it('given a dry run in English, then the mail says nothing was changed', async () => {
    const testbed = buildNotificationsTestbed();
    const english = aUser('Ada', 'Lovelace', 'en');
    await testbed.userArrives(userCreated(english));

    await testbed.recordImportMails.execute([
      finished({ startedBy: english.userId, dryRun: true, rowsApplied: 0, rowsRejected: 0, fileName: null }),
    ]);
    await testbed.sendDue.execute();

    const [mail] = testbed.mailer.to(english.email);
    expect(mail?.subject).toBe('Your import check is done');
    expect(mail?.text).toContain('The dry run checked 120 rows; nothing was changed.');
    expect(mail?.text).toContain('Every row was valid.');
  });
});
