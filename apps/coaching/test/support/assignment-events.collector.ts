import { AssignmentsStream, type EventEnvelope } from '@lms/contracts';
import { EventConsumer, EventProducer } from '@lms/messaging';
import type { Logger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import type { Kafka } from 'kafkajs';
import type { AssignmentEventType } from '../../src/assignments/domain/assignment-lifecycle';

export interface AssignmentEvent {
  eventId: string;
  type: string;
  aggregateId: string;
  aggregateVersion: number;
  payload: {
    assignmentId: string;
    menteeId: string;
    status: string;
    active?: boolean;
    origin: string;
    groupAssignmentId: string | null;
  };
}

/**
 * Reads `coaching.assignments.v1` with a real consumer of its own group and keeps the events of
 * one tenant, each once (by event id). Its group starts at the end of the topic as it was when
 * `start()` was called (offsets committed before the consumer joins): a test starts it before
 * it makes anything of its tenant, never waits behind what earlier tests left on the topic, and
 * a rebalance meanwhile resumes from the committed offsets instead of skipping to the end.
 */
export class AssignmentEventsCollector {
  /** Each event once, in the order first read. */
  readonly events: AssignmentEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly consumer: EventConsumer;
  private readonly producer: EventProducer;
  private readonly groupId = `coaching-test-reader-${uniqueSuffix()}`;
  /** Where each partition ended when the reader started. */
  private startOffsets: Array<{ partition: number; offset: number }> = [];

  constructor(
    private readonly kafka: Kafka,
    logger: Logger,
    private readonly tenantId: string,
  ) {
    this.producer = new EventProducer(kafka);
    // From the beginning only where the group has no offset: it always has one (see start()).
    this.consumer = new EventConsumer(kafka, this.producer, logger, {
      groupId: this.groupId,
      fromBeginning: true,
    });
    for (const type of Object.keys(AssignmentsStream.events) as AssignmentEventType[]) {
      this.consumer.on({
        stream: AssignmentsStream,
        type,
        handle: async (envelope: EventEnvelope) => {
          // The outbox publishes at least once: a copy of an event already seen is the same event.
          if (envelope.tenantId !== tenantId || this.seen.has(envelope.eventId)) return;
          this.seen.add(envelope.eventId);
          this.events.push(envelope as unknown as AssignmentEvent);
        },
      });
    }
  }

  async start(): Promise<void> {
    this.startOffsets = await this.endOffsets();
    await this.commitOffsets(this.groupId, this.startOffsets);
    await this.consumer.start();
    await eventually(
      () => {
        if (!this.consumer.isJoined()) throw new Error('assignment events reader not joined yet');
      },
      { timeoutMs: 60_000 },
    );
  }

  of(type: AssignmentEventType, menteeId?: string): AssignmentEvent[] {
    return this.events.filter(
      (e) => e.type === type && (menteeId === undefined || e.payload.menteeId === menteeId),
    );
  }

  /**
   * The tenant's events on the topic since `start()`, read afresh from the log by a plain
   * consumer of its own up to the end as it is now: what was published, whatever the running
   * reader has taken in so far.
   */
  async readFromLog(): Promise<AssignmentEvent[]> {
    const ends = await this.endOffsets();
    const left = new Map(
      ends
        .filter(({ partition, offset }) => offset > (this.offsetOf(partition) ?? offset))
        .map((e) => [e.partition, e.offset]),
    );
    const found = new Map<string, AssignmentEvent>();
    if (left.size === 0) return [];
    const groupId = `${this.groupId}-log-${uniqueSuffix()}`;
    await this.commitOffsets(groupId, this.startOffsets);
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [AssignmentsStream.topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        setTimeout(
          () => reject(new Error(`the log was not read to its end: ${[...left.keys()].join(', ')} left`)),
          30_000,
        ).unref();
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const envelope = JSON.parse(String(message.value)) as EventEnvelope;
              if (envelope.tenantId === this.tenantId)
                found.set(envelope.eventId, envelope as unknown as AssignmentEvent);
              if (Number(message.offset) + 1 >= (left.get(partition) ?? 0)) left.delete(partition);
              if (left.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return [...found.values()];
  }

  private offsetOf(partition: number): number | undefined {
    return this.startOffsets.find((e) => e.partition === partition)?.offset;
  }

  private async endOffsets(): Promise<Array<{ partition: number; offset: number }>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(AssignmentsStream.topic);
      return ends.map(({ partition, high }) => ({ partition, offset: Number(high) }));
    } finally {
      await admin.disconnect();
    }
  }

  private async commitOffsets(
    groupId: string,
    offsets: ReadonlyArray<{ partition: number; offset: number }>,
  ): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({
        groupId,
        topic: AssignmentsStream.topic,
        partitions: offsets.map(({ partition, offset }) => ({ partition, offset: String(offset) })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.producer.disconnect();
  }
}
