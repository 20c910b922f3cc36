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
 * Creates the topics a service needs, with the partition counts its contracts declare.
 * Idempotent: safe for several services and instances at start-up at once.
 */
export async function ensureTopics(kafka: Kafka, plan: TopicPlan): Promise<void> {
  const replicationFactor = plan.replicationFactor ?? 1;
  const wanted = new Map<string, number>();
  for (const stream of plan.streams) wanted.set(stream.topic, stream.partitions);
  for (const { stream, consumerGroup } of plan.deadLetters ?? []) {
    wanted.set(deadLetterTopic(stream, consumerGroup), 1);
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
          topics: missing.map(([topic, numPartitions]) => ({ topic, numPartitions, replicationFactor })),
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
