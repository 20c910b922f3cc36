/**
 * Sends a message that could not be handled to the dead-letter topic of its stream and
 * consumer group, and reports it.
 */
import type { KafkaMessage } from 'kafkajs';
import { deadLetterTopic, type StreamDefinition } from '@lms/contracts';
import type { Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import type { ConsumerCounters } from './consumer-counters';
import { deadLetterMessage } from './dead-letter';

/** A message that failed, and why. */
export interface DeliveryFailure {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: unknown;
  attempts: number;
}

export class DeadLetterWriter {
  constructor(
    private readonly producer: EventProducer,
    private readonly logger: Logger,
    private readonly groupId: string,
    private readonly counters: ConsumerCounters,
  ) {}

  async write(stream: StreamDefinition, failure: DeliveryFailure): Promise<void> {
    const dlt = deadLetterTopic(stream, this.groupId);
    try {
      await this.producer.sendRaw(dlt, [
        deadLetterMessage(failure.message, { ...failure, consumerGroup: this.groupId }),
      ]);
    } catch (error) {
      // The offset stays uncommitted: the message is tried again, never dropped.
      this.logger.error(
        {
          err: error,
          deadLetterTopic: dlt,
          topic: failure.topic,
          partition: failure.partition,
          offset: failure.message.offset,
        },
        'could not write the dead letter; the message will be redelivered',
      );
      throw error;
    }
    this.counters.deadLettered++;
    this.logger.error(
      {
        err: failure.error,
        topic: failure.topic,
        partition: failure.partition,
        offset: failure.message.offset,
        deadLetterTopic: dlt,
        attempts: failure.attempts,
        alert: 'event-dead-lettered',
      },
      'event sent to the dead-letter topic',
    );
  }
}
