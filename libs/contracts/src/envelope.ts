/**
 * The envelope every event travels in, whatever its stream.
 * `aggregateVersion` increases by one with every change of the aggregate, so that a
 * consumer can ignore an event older than what it already applied.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  eventId: string;
  type: TType;
  schemaVersion: number;
  tenantId: string;
  aggregateId: string;
  aggregateVersion: number;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  payload: TPayload;
}
