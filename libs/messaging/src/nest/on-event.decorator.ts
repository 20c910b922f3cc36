import { EventPattern } from '@nestjs/microservices';
import type { EventMap, StreamDefinition } from '@lms/contracts';

const SEPARATOR = '#';

/** The Nest message pattern of one event type of one stream. */
export function eventPattern(stream: StreamDefinition, type: string): string {
  return `${stream.topic}${SEPARATOR}${type}`;
}

export function parseEventPattern(pattern: string): { topic: string; type: string } | null {
  const at = pattern.lastIndexOf(SEPARATOR);
  return at > 0 ? { topic: pattern.slice(0, at), type: pattern.slice(at + 1) } : null;
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
