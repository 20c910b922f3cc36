import type { Kafka } from 'kafkajs';
import { deadLetterTopic, type StreamDefinition } from '@lms/contracts';

export interface TopicPlan {
  /** Streams the service produces or consumes. */
  streams: readonly StreamDefinition[];
  /** Consumer groups whose dead-letter topics must exist, per stream they consume. */
  deadLetters?: ReadonlyArray<{ stream: StreamDefinition; consumerGroup: string }>;
  /** Of the topics created; 1 unless the service's settings say otherwise. */
  replicationFactor?: number;
}

/**
 * Creates the topics a service needs, with the partition counts its contracts declare, and
 * compacted when the stream carries full state (a topic that exists is left as it is).
 * Idempotent: safe for several services and instances at start-up at once.
 */
export async function ensureTopics(kafka: Kafka, plan: TopicPlan): Promise<void> {
  const replicationFactor = plan.replicationFactor ?? 1;
  const wanted = new Map<string, { partitions: number; compacted: boolean }>();
  for (const stream of plan.streams)
    wanted.set(stream.topic, { partitions: stream.partitions, compacted: stream.compacted === true });
  for (const { stream, consumerGroup } of plan.deadLetters ?? []) {
    wanted.set(deadLetterTopic(stream, consumerGroup), { partitions: 1, compacted: false });
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await admin.listTopics());
      const missing = [...wanted].filter(([topic]) => !existing.has(topic));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map(([topic, { partitions, compacted }]) => ({
            topic,
            numPartitions: partitions,
            replicationFactor,
            configEntries: compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
          })),
        });
      } catch (error) {
        // Another instance may have created some of them in between: look again.
        if (attempt >= 5) throw error;
      }
    }
  } finally {
    await admin.disconnect();
  }
}
