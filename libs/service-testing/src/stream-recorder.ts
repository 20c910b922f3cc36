import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import { brokersFromEnv, ensureTopics } from '@lms/messaging';
import { uniqueSuffix } from '@lms/testing';

/** One event a test saw on the broker. */
export interface RecordedEvent {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/** Every event published on some streams since the beginning, as a test reads them. */
export interface StreamRecorder {
  readonly events: readonly RecordedEvent[];
  /** The envelopes of one topic, or of all when none is given. */
  envelopes(topic?: string): EventEnvelope[];
  stop(): Promise<void>;
}

/**
 * Records, from the beginning, every event of `streams` on the broker named by the
 * environment, under a consumer group of its own. The topics are created first, exactly as
 * a service creates them, so that subscribing never races the service's own start-up.
 */
export async function recordStreams(
  streams: readonly StreamDefinition[],
  name = 'stream-recorder',
): Promise<StreamRecorder> {
  const kafka = new Kafka({
    clientId: name,
    brokers: brokersFromEnv(process.env),
    logLevel: logLevel.NOTHING,
  });
  await ensureTopics(kafka, { streams });
  const consumer: Consumer = kafka.consumer({ groupId: `${name}-${uniqueSuffix()}` });
  const events: RecordedEvent[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: streams.map((stream) => stream.topic), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      events.push({
        topic,
        key: message.key?.toString('utf8') ?? '',
        envelope: JSON.parse(message.value?.toString('utf8') ?? '{}') as EventEnvelope,
      });
    },
  });
  return {
    events,
    envelopes: (topic) =>
      events.filter((event) => topic === undefined || event.topic === topic).map((event) => event.envelope),
    stop: () => consumer.disconnect(),
  };
}
