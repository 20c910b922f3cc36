import type { EventEnvelope, EventMap, PayloadOf, StreamDefinition } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { currentContext, currentCorrelationId } from '@lms/observability';
import type { OutboxEntry } from './outbox-entry';
import { InvalidEventPayloadError, payloadProblems } from '../consumer/envelope-validation';

export interface EventInput<TPayload> {
  tenantId: string;
  aggregateId: string;
  aggregateVersion: number;
  payload: TPayload;
  /** Defaults to now. */
  occurredAt?: Date;
}

/** Injection token of the {@link EventFactory} (the publishing port). */
export const EVENT_FACTORY = Symbol('EVENT_FACTORY');

/**
 * Builds outbox entries for a producer. The payload is validated against its contract
 * here, so that no service can ever put an event on a stream that its consumers would reject.
 */
export class EventFactory {
  constructor(private readonly producerName: string) {}

  create<TEvents extends EventMap, K extends keyof TEvents & string>(
    stream: StreamDefinition<TEvents>,
    type: K,
    input: EventInput<PayloadOf<TEvents, K>>,
  ): OutboxEntry {
    const payloadClass = Object.prototype.hasOwnProperty.call(stream.events, type)
      ? stream.events[type]
      : undefined;
    if (!payloadClass)
      throw new InvalidEventPayloadError(stream.topic, type, 'type not declared by the stream');
    // What consumers require of the envelope (see parseEnvelope), checked where the bug is.
    const envelopeProblem = envelopeInputProblem(input);
    if (envelopeProblem) throw new InvalidEventPayloadError(stream.topic, type, envelopeProblem);
    const problems = payloadProblems(payloadClass, input.payload);
    if (problems) throw new InvalidEventPayloadError(stream.topic, type, problems);
    const context = currentContext();
    const envelope: EventEnvelope = {
      eventId: newId(),
      type,
      schemaVersion: stream.schemaVersion,
      tenantId: input.tenantId,
      aggregateId: input.aggregateId,
      aggregateVersion: input.aggregateVersion,
      occurredAt: (input.occurredAt ?? new Date()).toISOString(),
      producer: this.producerName,
      correlationId: currentCorrelationId(),
      causationId: context?.causationId ?? null,
      payload: input.payload,
    };
    return { eventId: envelope.eventId, topic: stream.topic, key: stream.key(envelope), envelope };
  }
}

function envelopeInputProblem(input: EventInput<unknown>): string | null {
  if (typeof input.tenantId !== 'string' || input.tenantId === '') return 'envelope.tenantId missing';
  if (typeof input.aggregateId !== 'string' || input.aggregateId === '')
    return 'envelope.aggregateId missing';
  if (!Number.isInteger(input.aggregateVersion)) return 'envelope.aggregateVersion must be an integer';
  if (input.occurredAt && Number.isNaN(input.occurredAt.getTime()))
    return 'envelope.occurredAt is not a date';
  return null;
}
