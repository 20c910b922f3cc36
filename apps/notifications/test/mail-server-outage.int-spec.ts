import { brokersFromEnv, createKafka, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, MaildevClient, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { DeliveryRepository } from '../src/deliveries/ports/delivery.repository';
import { HandledEvents } from './support/handled-events';
import { MailServerGate } from './support/mail-server-gate';
import { aPerson, TestEvents } from './support/test-events';

const run = uniqueSuffix();
const busyTenant = `tenant-busy-${run}`;
const quietTenant = `tenant-quiet-${run}`;
isolateTestEnvironment('notifications');
// A send gives up on a hanging server after 5 s (a quarter of the lease); short backoffs, and
// enough attempts that nothing is parked while the server is away.
Object.assign(process.env, {
  DELIVERY_LEASE_MS: '20000',
  DELIVERY_RETRY_INITIAL_MS: '300',
  DELIVERY_RETRY_MAX_MS: '1000',
  DELIVERY_MAX_ATTEMPTS: '100',
  DELIVERY_SENDER_IDLE_MS: '200',
  // Each mail goes out alone here; coach-digest.int-spec.ts covers digests.
  DIGEST_WINDOW_MS: '0',
});

/**
 * NO-5 against the real broker, database and SMTP server, with the mail server broken on
 * purpose: while it hangs, the events of every tenant are still consumed and their mails
 * recorded; while it refuses, the mails wait with backoff; once it is back, every mail
 * arrives exactly once.
 */
describe('notifications while the mail server hangs, then refuses, then comes back', () => {
  const mailbox = new MaildevClient();
  const busy = new TestEvents(busyTenant);
  const quiet = busy.of(quietTenant);
  const smtp = new URL(process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025');
  const gate = new MailServerGate({ host: smtp.hostname, port: Number(smtp.port) });
  const handled = new HandledEvents();
  let service: ServiceTestApp;
  let producer: EventProducer;
  let deliveries: DeliveryRepository;

  beforeAll(async () => {
    process.env.SMTP_URL = await gate.start();
    gate.set('stall');
    const { AppModule } = await import('../src/app.module');
    const { DELIVERY_REPOSITORY } = await import('../src/deliveries/ports/delivery.repository');
    service = await startServiceApp(AppModule, { caller: { tenantId: busyTenant } });
    deliveries = service.app.get<DeliveryRepository>(DELIVERY_REPOSITORY);
    await handled.watch(service);
    producer = new EventProducer(
      createKafka(
        { brokers: brokersFromEnv(process.env), clientId: `outage-test-${run}` },
        createLogger('test'),
      ),
    );
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
    await gate.stop();
  });

  async function publishAndWait(entries: OutboxEntry[]): Promise<void> {
    await producer.send(entries);
    await handled.waitFor(entries);
  }

  async function logOf(tenantId: string) {
    return (await deliveries.list(tenantId, {}, { limit: 200 })).items;
  }

  it('records every tenant’s mails while the server hangs, retries while it refuses, and delivers each once when it is back', async () => {
    const coach = aPerson('Carla', 'Outage');
    const mentees = Array.from({ length: 12 }, (_, i) => aPerson(`Mentee${i}`, 'Outage'));
    const quietCoach = aPerson('Quinto', 'Outage');
    const quietMentee = aPerson('Quirina', 'Outage');
    await publishAndWait([
      ...[coach, ...mentees].map((user) => busy.userCreated(user)),
      quiet.userCreated(quietCoach),
      quiet.userCreated(quietMentee),
    ]);

    // The server hangs: the busy tenant's mails are on their way and get no answer...
    await publishAndWait(mentees.map((mentee) => busy.assignmentCreated(mentee, [coach])));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // ...and another tenant's event is still consumed and its mails recorded at once.
    const startedAt = Date.now();
    await publishAndWait([quiet.assignmentCreated(quietMentee, [quietCoach])]);
    const recordedAfterMs = Date.now() - startedAt;
    expect(recordedAfterMs).toBeLessThan(4_000);
    expect(await logOf(busyTenant)).toHaveLength(24);
    expect(await logOf(quietTenant)).toHaveLength(2);
    expect(
      [...(await logOf(busyTenant)), ...(await logOf(quietTenant))].every(
        (delivery) => delivery.status === 'pending',
      ),
    ).toBe(true);

    // It refuses: the mails wait and are tried again with backoff.
    gate.set('refuse');
    await eventually(
      async () =>
        expect(
          (await logOf(quietTenant)).map((d) =>
            d.attempts >= 2 ? 'retried' : `${d.status} ${d.attempts} ${d.lastError}`,
          ),
        ).toEqual(['retried', 'retried']),
      { timeoutMs: 30_000 },
    );

    // It is back: every mail arrives once.
    gate.set('forward');
    await eventually(
      async () => {
        const log = [...(await logOf(busyTenant)), ...(await logOf(quietTenant))];
        expect(log.filter((delivery) => delivery.status !== 'sent')).toEqual([]);
      },
      { timeoutMs: 60_000 },
    );
    for (const mentee of [...mentees, quietMentee]) expect(await mailbox.to(mentee.email)).toHaveLength(1);
    const coachMails = await mailbox.to(coach.email);
    expect(coachMails).toHaveLength(12);
    expect(new Set(coachMails.map((mail) => mail.headers['x-delivery-id'])).size).toBe(12);
    expect(await mailbox.to(quietCoach.email)).toHaveLength(1);
    console.log(`mail server hanging: another tenant's event recorded in ${recordedAfterMs} ms`);
  });
});
