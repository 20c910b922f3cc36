/**
 * The handlers of one consumer group, by topic and event type, and the routing of each
 * message to the one handler that takes it.
 */
import type { KafkaMessage } from 'kafkajs';
import type { EventEnvelope, StreamDefinition } from '@lms/contracts';
import { headerText, REPLAY_HEADERS } from './dead-letter';
import { parseEnvelope } from './envelope-validation';

export interface EventHandler {
  stream: StreamDefinition;
  type: string;
  handle(envelope: EventEnvelope): Promise<void>;
}

/**
 * A handler that applies the events of some types of one stream in batches (rule 8): it
 * receives validated envelopes of one partition, in partition order, and must make their
 * effects durable before it resolves. It is also called with one event at a time when a
 * batch failed, so it must be idempotent: applying an event it already applied (version
 * guards) must change nothing.
 */
export interface EventBatchHandler {
  stream: StreamDefinition;
  types: readonly string[];
  handleBatch(envelopes: EventEnvelope[]): Promise<void>;
  /** The most events handed over in one call (default: the consumer's `maxBatchSize`). */
  maxBatchSize?: number;
}

/** What a consumer does with one message: decided from its headers, contract and type alone. */
export type Routed =
  | { kind: 'skip' }
  | { kind: 'invalid'; error: unknown }
  | { kind: 'event'; envelope: EventEnvelope; handler: EventHandler }
  | { kind: 'batch'; envelope: EventEnvelope; handler: EventBatchHandler };

/** The handlers registered with one consumer, at most one per topic and event type. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, Map<string, EventHandler>>();
  private readonly batchHandlers = new Map<string, Map<string, EventBatchHandler>>();
  private readonly streams = new Map<string, StreamDefinition>();

  constructor(private readonly groupId: string) {}

  /** The topics some handler reads. */
  get topics(): string[] {
    return [...this.streams.keys()];
  }

  /** The streams some handler reads. */
  get subscribedStreams(): StreamDefinition[] {
    return [...this.streams.values()];
  }

  /** True when some handler takes its events in batches. */
  get hasBatchHandlers(): boolean {
    return this.batchHandlers.size > 0;
  }

  stream(topic: string): StreamDefinition | undefined {
    return this.streams.get(topic);
  }

  add(handler: EventHandler): void {
    this.claim(handler.stream, handler.type);
    const byType = this.handlers.get(handler.stream.topic) ?? new Map<string, EventHandler>();
    byType.set(handler.type, handler);
    this.handlers.set(handler.stream.topic, byType);
    this.streams.set(handler.stream.topic, handler.stream);
  }

  addBatch(handler: EventBatchHandler): void {
    if (handler.types.length === 0) throw new Error(`A batch handler on ${handler.stream.topic} needs types`);
    for (const type of handler.types) this.claim(handler.stream, type);
    const byType = this.batchHandlers.get(handler.stream.topic) ?? new Map<string, EventBatchHandler>();
    for (const type of handler.types) byType.set(type, handler);
    this.batchHandlers.set(handler.stream.topic, byType);
    this.streams.set(handler.stream.topic, handler.stream);
  }

  /** Where a message goes: skipped, straight to the dead-letter topic, or to its handler. */
  route(stream: StreamDefinition, message: KafkaMessage): Routed {
    const replayFor = headerText(message.headers, REPLAY_HEADERS.consumerGroup);
    // A dead letter of another group, put back for that group only.
    if (replayFor !== undefined && replayFor !== this.groupId) return { kind: 'skip' };
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(stream, message.value);
    } catch (error) {
      return { kind: 'invalid', error };
    }
    const handler = this.handlers.get(stream.topic)?.get(envelope.type);
    if (handler) return { kind: 'event', envelope, handler };
    const batchHandler = this.batchHandlers.get(stream.topic)?.get(envelope.type);
    if (batchHandler) return { kind: 'batch', envelope, handler: batchHandler };
    return { kind: 'skip' };
  }

  private claim(stream: StreamDefinition, type: string): void {
    if (this.handlers.get(stream.topic)?.has(type) || this.batchHandlers.get(stream.topic)?.has(type)) {
      throw new Error(`Two handlers for ${type} on ${stream.topic} in group ${this.groupId}`);
    }
  }
}
