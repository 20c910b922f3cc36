import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import { brokersFromEnv, createKafka, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import type { Principal } from '@lms/service-kit';
import {
  recordStreams,
  startServiceApp,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';

export interface LearningUnderTestOptions {
  /** Streams whose events the test reads ({@link envelopes}), recorded from before the service starts. */
  record?: readonly StreamDefinition[];
}

/**
 * The learning service of a test file, started as `main.ts` starts it against the real broker
 * and database (requests as `caller` unless told otherwise), with a producer of the events the
 * test plays for the other services, and a recorder of the streams it reads. Call it inside
 * the `describe`, after the file set its environment: it registers the start and the stop.
 */
export function learningUnderTest(
  caller: Principal,
  clientId: string,
  options: LearningUnderTestOptions = {},
) {
  let service: ServiceTestApp | undefined;
  let producer: EventProducer | undefined;
  let recorder: StreamRecorder | undefined;

  beforeAll(async () => {
    if (options.record) recorder = await recordStreams(options.record, clientId);
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
    await recorder?.stop();
    await service?.close();
  });

  const started = (): ServiceTestApp => {
    if (!service) throw new Error('the service is not started yet');
    return service;
  };

  return {
    /** A request to the service, as `caller` unless `options.as` says otherwise. */
    request: ((...args) => started().request(...args)) as ServiceTestApp['request'],
    /** The running application, for what a test reads beside the routes (its database). */
    app: (): ServiceTestApp['app'] => started().app,
    /** Puts events on Kafka as their owning services publish them. */
    send(entries: OutboxEntry[]): Promise<void> {
      if (!producer) throw new Error('the producer is not connected yet');
      return producer.send(entries);
    },
    /** The envelopes recorded so far on `topic`, one of the streams of `options.record`. */
    envelopes(topic: string): EventEnvelope[] {
      if (!recorder) throw new Error('no stream is recorded: name them in options.record');
      return recorder.envelopes(topic);
    },
  };
}
