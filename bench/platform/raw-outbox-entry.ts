/** An outbox entry as the platform stores it beside a document, for the engine-alone measurements. */
export interface RawOutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  envelope: Record<string, unknown>;
}

/** An entry of `type` on `topic`, keyed and aggregated by `key`, with the envelope's usual fields. */
export function rawOutboxEntry(
  event: { eventId: string; topic: string; type: string; tenantId: string; key: string },
  payload: Record<string, unknown>,
): RawOutboxEntry {
  const { eventId, topic, type, tenantId, key } = event;
  return {
    eventId,
    topic,
    key,
    envelope: {
      eventId,
      type,
      schemaVersion: 1,
      tenantId,
      aggregateId: key,
      aggregateVersion: 1,
      occurredAt: new Date().toISOString(),
      correlationId: `bench-${eventId}`,
      payload,
    },
  };
}
