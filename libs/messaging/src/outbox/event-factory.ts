import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EventEnvelope, EventMap, PayloadOf, StreamDefinition } from '@lms/contracts';
import { currentContext, currentCorrelationId, uuidV7 } from '@lms/observability';
import type { OutboxEntry } from './outbox-entry';
import { InvalidEventPayloadError } from '../consumer/envelope-validation';

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
    const payloadClass = stream.events[type];
    const errors = validateSync(plainToInstance(payloadClass, input.payload), { forbidUnknownValues: false });
    if (errors.length > 0) {
      throw new InvalidEventPayloadError(stream.topic, type, errors.map((e) => e.toString()).join('; '));
    }
    const context = currentContext();
    const envelope: EventEnvelope = {
      eventId: uuidV7(),
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
