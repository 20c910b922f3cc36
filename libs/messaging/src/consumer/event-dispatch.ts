/**
 * Hands messages to their handlers one at a time: validation, retries with backoff, and the
 * dead letter of what still fails, so that a poison message never stops its partition.
 */
import type { EachMessagePayload, KafkaMessage } from 'kafkajs';
import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import { runWithContext, type Logger } from '@lms/observability';
import type { ConsumerCounters } from './consumer-counters';
import type { DeadLetterWriter } from './dead-letter-writer';
import { InvalidEventPayloadError } from './envelope-validation';
import type { HandlerRegistry } from './handlers';
import { whileHeartbeating } from './heartbeat';
import { backoffMs, type RetryPolicy } from './retry-policy';
import type { StopSignal } from './stop-signal';

/** What the processing of one message needs of the fetch it came in. */
export interface PartitionScope {
  stream: StreamDefinition;
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
}

/** What dispatching events needs of the consumer that runs it. */
export interface DispatchDeps {
  registry: HandlerRegistry;
  deadLetters: DeadLetterWriter;
  stop: StopSignal;
  logger: Logger;
  counters: ConsumerCounters;
  retry: RetryPolicy;
  heartbeatIntervalMs: number;
}

export class EventDispatch {
  constructor(private readonly deps: DispatchDeps) {}

  /** One message of a consumer that reads message by message. */
  async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const stream = this.deps.registry.stream(topic);
    if (!stream) return;
    const scope: PartitionScope = { stream, topic, partition, heartbeat };
    const routed = this.deps.registry.route(stream, message);
    switch (routed.kind) {
      case 'skip':
        this.deps.counters.skipped++;
        return;
      case 'invalid':
        await this.deps.deadLetters.write(stream, {
          topic,
          partition,
          message,
          error: routed.error,
          attempts: 0,
        });
        return;
      case 'event':
        await this.handleOne(scope, message, routed.envelope, (e) => routed.handler.handle(e));
        return;
      case 'batch':
        await this.handleOne(scope, message, routed.envelope, (e) => routed.handler.handleBatch([e]));
        return;
    }
  }

  /**
   * Handles one event with retries and backoff, then dead-letters it. `firstFailure` is the
   * error of an attempt already made (it counts as the first one). True when the first attempt
   * succeeded; false when it took retries or a dead letter.
   */
  async handleOne(
    scope: PartitionScope,
    message: KafkaMessage,
    envelope: EventEnvelope,
    handle: (envelope: EventEnvelope) => Promise<void>,
    firstFailure?: unknown,
  ): Promise<boolean> {
    const { stream, topic, partition, heartbeat } = scope;
    const { stop, retry } = this.deps;
    const context = { correlationId: envelope.correlationId, causationId: envelope.eventId };
    for (let attempt = 1; ; attempt++) {
      try {
        if (attempt === 1 && firstFailure !== undefined) throw firstFailure;
        await whileHeartbeating(heartbeat, this.deps.heartbeatIntervalMs, () =>
          runWithContext(context, () => handle(envelope)),
        );
        this.deps.counters.processed++;
        return attempt === 1;
      } catch (error) {
        const log = { err: error, topic, partition, offset: message.offset, type: envelope.type, attempt };
        // Shutting down: leave the offset uncommitted, the message is redelivered after restart.
        if (stop.isStopping) throw error;
        if (attempt >= retry.attempts || error instanceof InvalidEventPayloadError) {
          await runWithContext(context, () =>
            this.deps.deadLetters.write(stream, { topic, partition, message, error, attempts: attempt }),
          );
          return false;
        }
        this.deps.counters.retried++;
        this.deps.logger.warn(log, 'event handler failed; retrying');
        await stop.sleep(backoffMs(retry, attempt));
        if (stop.isStopping) throw error;
        await heartbeat();
      }
    }
  }
}
