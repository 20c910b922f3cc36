import { randomUUID } from 'node:crypto';
import { ImportsStream } from '@lms/contracts';
import { brokersFromEnv, createKafka, EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, MaildevClient, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { HandledEvents } from './support/handled-events';
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
  let service: ServiceTestApp;
  let producer: EventProducer;
  const handled = new HandledEvents();

  beforeAll(async () => {
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { caller: { tenantId } });
    await handled.watch(service);
    producer = new EventProducer(
      createKafka(
        { brokers: brokersFromEnv(process.env), clientId: `notifications-imports-test-${run}` },
        createLogger('test'),
      ),
    );
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  async function publishAndWait(entries: OutboxEntry[]): Promise<void> {
    handled.forget(entries);
    await producer.send(entries);
    await handled.waitFor(entries);
  }

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
