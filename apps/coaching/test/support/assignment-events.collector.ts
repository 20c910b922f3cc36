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

  constructor(
    private readonly kafka: Kafka,
    logger: Logger,
    tenantId: string,
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
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topic = AssignmentsStream.topic;
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: this.groupId,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    } finally {
      await admin.disconnect();
    }
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

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.producer.disconnect();
  }
}
