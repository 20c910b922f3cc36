import { brokersFromEnv, createKafka, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import type { Principal } from '@lms/service-kit';
import { startServiceApp, type ServiceTestApp } from '@lms/service-testing';

/**
 * The learning service of a test file, started as `main.ts` starts it against the real broker
 * and database (requests as `caller` unless told otherwise), with a producer of the events the
 * test plays for the other services. Call it inside the `describe`, after the file set its
 * environment: it registers the start and the stop.
 */
export function learningUnderTest(caller: Principal, clientId: string) {
  let service: ServiceTestApp | undefined;
  let producer: EventProducer | undefined;

  beforeAll(async () => {
    const { AppModule } = await import('../../src/app.module');
    service = await startServiceApp(AppModule, { caller });
    producer = new EventProducer(
      createKafka(
        { brokers: brokersFromEnv(process.env), clientId },
        createLogger(clientId, { level: 'warn' }),
      ),
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  return {
    /** A request to the service, as `caller` unless `options.as` says otherwise. */
    request: ((...args) => {
      if (!service) throw new Error('the service is not started yet');
      return service.request(...args);
    }) as ServiceTestApp['request'],
    /** Puts events on Kafka as their owning services publish them. */
    send(entries: OutboxEntry[]): Promise<void> {
      if (!producer) throw new Error('the producer is not connected yet');
      return producer.send(entries);
    },
  };
}
