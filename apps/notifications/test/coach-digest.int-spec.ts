import { brokersFromEnv, createKafka, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, MaildevClient, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { HandledEvents } from './support/handled-events';
import { aPerson, TestEvents } from './support/test-events';

const run = uniqueSuffix();
const tenantId = `tenant-digest-${run}`;
const WINDOW_MS = 2_000;
isolateTestEnvironment('notifications');
Object.assign(process.env, {
  DIGEST_WINDOW_MS: String(WINDOW_MS),
  DIGEST_THRESHOLD: '3',
  DIGEST_NAMES: '2',
  DELIVERY_SENDER_IDLE_MS: '100',
});

interface DeliveryItem {
  id: string;
  kind: string;
  status: string;
  digestId?: string;
}

/**
 * NO-2's digest against the real broker, database and SMTP server, with two instances of the
 * service sharing the work: a coach who receives many mentees at once gets one digest, once;
 * each mentee gets its own mail; a coach with a single new mentee gets the usual mail.
 */
describe("a coach's digest of new mentees, with two instances of the service", () => {
  const mailbox = new MaildevClient();
  const platform = new TestEvents(tenantId);
  const handled = new HandledEvents();
  const instances: ServiceTestApp[] = [];
  let producer: EventProducer;

  beforeAll(async () => {
    const { AppModule } = await import('../src/app.module');
    for (let i = 0; i < 2; i += 1) {
      const service = await startServiceApp(AppModule, { caller: { tenantId } });
      await handled.watch(service);
      instances.push(service);
    }
    producer = new EventProducer(
      createKafka(
        { brokers: brokersFromEnv(process.env), clientId: `digest-test-${run}` },
        createLogger('test'),
      ),
    );
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    for (const service of instances) await service.close();
  });

  async function publishAndWait(entries: OutboxEntry[]): Promise<void> {
    handled.forget(entries);
    await producer.send(entries);
    await handled.waitFor(entries);
  }

  async function logOf(recipientId: string): Promise<DeliveryItem[]> {
    const response = await instances[0]!.request(
      'GET',
      `/v1/deliveries?recipientId=${recipientId}&limit=100`,
    );
    expect(response.status).toBe(200);
    return (response.body as { items: DeliveryItem[] }).items;
  }

  it('given eight new mentees at once and every event delivered twice, then the coach gets one digest, in its language, and each mentee one mail', async () => {
    const coach = aPerson('Chiara', 'Digest', 'it');
    const mentees = Array.from({ length: 8 }, (_, i) => aPerson(`Mentee${i}`, 'Digest'));
    await publishAndWait([coach, ...mentees].map((user) => platform.userCreated(user)));
    const events = mentees.map((mentee) => platform.assignmentCreated(mentee, [coach]));

    await publishAndWait(events);
    await publishAndWait(events);

    await eventually(
      async () => {
        for (const mentee of mentees) expect(await mailbox.to(mentee.email)).toHaveLength(1);
        expect(await mailbox.to(coach.email)).toHaveLength(1);
      },
      { timeoutMs: 30_000 },
    );
    // Well past the window: still one digest, nothing sent alone or twice.
    await new Promise((resolve) => setTimeout(resolve, 2 * WINDOW_MS));
    const [digest, ...others] = await mailbox.to(coach.email);
    expect(others).toHaveLength(0);
    expect(digest?.subject).toBe('Ti sono stati assegnati 8 nuovi mentee');
    expect(digest?.text).toMatch(/Tra loro: Mentee\d Digest e Mentee\d Digest, e altri 6\./);
    const log = await logOf(coach.userId);
    const sentDigest = log.find((d) => d.kind === 'assignment.created.coach-digest');
    expect(sentDigest?.status).toBe('sent');
    expect(log.filter((d) => d.status === 'digested').map((d) => d.digestId)).toEqual(
      Array.from({ length: 8 }, () => sentDigest?.id),
    );
    expect(String(digest?.headers['x-delivery-id'])).toBe(sentDigest?.id);
  });

  it('given a single new mentee, then the coach gets the usual mail once the window closes', async () => {
    const coach = aPerson('Nils', 'Digest');
    const mentee = aPerson('Solo', 'Digest');
    await publishAndWait([platform.userCreated(coach), platform.userCreated(mentee)]);

    await publishAndWait([platform.assignmentCreated(mentee, [coach])]);

    await eventually(
      async () =>
        expect((await mailbox.to(coach.email)).map((mail) => mail.subject)).toEqual([
          'New mentee: Solo Digest',
        ]),
      { timeoutMs: 30_000 },
    );
    expect(await logOf(coach.userId)).toEqual([
      expect.objectContaining({ status: 'sent', kind: 'assignment.created.coach' }),
    ]);
  });
});
