import { EventPattern } from '@nestjs/microservices';
import type { EventMap, StreamDefinition } from '@lms/contracts';

const SEPARATOR = '#';

/** The Nest message pattern of one event type of one stream. */
export function eventPattern(stream: StreamDefinition, type: string): string {
  return `${stream.topic}${SEPARATOR}${type}`;
}

/**
 * The topic and type of a pattern made by {@link eventPattern}, or null for any other
 * pattern. It splits at the first separator: a Kafka topic cannot contain one.
 */
export function parseEventPattern(pattern: string): { topic: string; type: string } | null {
  const at = pattern.indexOf(SEPARATOR);
  return at > 0 && at < pattern.length - 1
    ? { topic: pattern.slice(0, at), type: pattern.slice(at + 1) }
    : null;
}

/**
 * Marks a consumer method as the handler of one event type. The method receives the
 * validated envelope (`EnvelopeOf<typeof Stream.events, 'type'>`) as its payload.
 */
export function OnEvent<TEvents extends EventMap>(
  stream: StreamDefinition<TEvents>,
  type: keyof TEvents & string,
): MethodDecorator {
  return EventPattern(eventPattern(stream as StreamDefinition, type), { stream });
}

/** The Nest message pattern of a batch handler of some event types of one stream. */
export function eventBatchPattern(stream: StreamDefinition, types: readonly string[]): string {
  return `${stream.topic}${SEPARATOR}batch(${[...types].sort().join(',')})`;
}

/** What {@link OnEventBatch} records with its pattern, read back by the transport. */
export interface EventBatchExtras {
  stream: StreamDefinition;
  batchTypes: readonly string[];
  maxBatchSize?: number;
}

/** The batch handler details of a Nest handler's extras, or null for a per-event handler. */
export function eventBatchExtras(extras: unknown): EventBatchExtras | null {
  const candidate = extras as Partial<EventBatchExtras> | undefined;
  return candidate?.stream && Array.isArray(candidate.batchTypes) ? (candidate as EventBatchExtras) : null;
}

/**
 * Marks a consumer method as the batch handler of some event types of one stream (rule 8).
 * The method receives an array of validated envelopes of one partition, in partition order
 * (`Array<EnvelopeOf<typeof Stream.events, 'a' | 'b'>>`), and must make their effects
 * durable before it resolves. When a batch fails, the method is called again with one
 * event at a time, so it must be idempotent (see `EventBatchHandler`).
 */
export function OnEventBatch<TEvents extends EventMap>(
  stream: StreamDefinition<TEvents>,
  types: ReadonlyArray<keyof TEvents & string>,
  options: { maxBatchSize?: number } = {},
): MethodDecorator {
  const extras: EventBatchExtras = {
    stream: stream as StreamDefinition,
    batchTypes: [...types],
    ...(options.maxBatchSize === undefined ? {} : { maxBatchSize: options.maxBatchSize }),
  };
  return EventPattern(eventBatchPattern(stream as StreamDefinition, types), extras);
}
