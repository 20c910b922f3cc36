import { brokersFromEnv, createKafka, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { HandledEvents } from './handled-events';

/**
 * The notifications service of a test file, started as `main.ts` starts it against the real
 * broker, database and SMTP server (its tenant `tenantId`), with a producer of the events the
 * test plays for the other services. Call it inside the `describe`, after the file set its
 * environment: it registers the start and the stop.
 */
export function notificationsUnderTest(tenantId: string, clientId: string) {
  const handled = new HandledEvents();
  let service: ServiceTestApp | undefined;
  let producer: EventProducer | undefined;

  beforeAll(async () => {
    const { AppModule } = await import('../../src/app.module');
    service = await startServiceApp(AppModule, { caller: { tenantId } });
    await handled.watch(service);
    producer = new EventProducer(
      createKafka({ brokers: brokersFromEnv(process.env), clientId }, createLogger('test')),
    );
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  return {
    service(): ServiceTestApp {
      if (!service) throw new Error('the service is not started yet');
      return service;
    },
    /**
     * Publishes and waits until the service has handled each of these events successfully
     * (the broker is shared: other events of other tests arrive on the same topics).
     */
    async publishAndWait(entries: OutboxEntry[]): Promise<void> {
      if (!producer) throw new Error('the producer is not connected yet');
      handled.forget(entries);
      await producer.send(entries);
      await handled.waitFor(entries);
    },
  };
}
