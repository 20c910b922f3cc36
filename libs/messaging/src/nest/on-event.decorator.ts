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
