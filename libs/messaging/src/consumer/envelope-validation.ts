import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EventEnvelope, PayloadClass, StreamDefinition } from '@lms/contracts';
import { cacheValidationMetadata } from '@lms/service-kit';

export class InvalidEventPayloadError extends Error {
  readonly code = 'EVENT.INVALID_PAYLOAD';
  constructor(topic: string, type: string, details: string) {
    super(`Invalid ${type} event on ${topic}: ${details}`);
  }
}

const ENVELOPE_STRING_FIELDS = [
  'eventId',
  'type',
  'tenantId',
  'aggregateId',
  'occurredAt',
  'producer',
  'correlationId',
] as const;

/**
 * Parses and validates a raw Kafka message value against the stream's contract.
 * Throws {@link InvalidEventPayloadError} for anything that is not a well-formed event of
 * a type the stream declares.
 */
export function parseEnvelope(stream: StreamDefinition, raw: Buffer | null): EventEnvelope {
  const type = '(unknown)';
  if (!raw) throw new InvalidEventPayloadError(stream.topic, type, 'empty message');
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new InvalidEventPayloadError(stream.topic, type, 'not JSON');
  }
  if (typeof value !== 'object' || value === null) {
    throw new InvalidEventPayloadError(stream.topic, type, 'not an object');
  }
  const candidate = value as Record<string, unknown>;
  for (const field of ENVELOPE_STRING_FIELDS) {
    if (typeof candidate[field] !== 'string' || candidate[field] === '') {
      throw new InvalidEventPayloadError(
        stream.topic,
        String(candidate.type ?? type),
        `envelope.${field} missing`,
      );
    }
  }
  if (!Number.isInteger(candidate.aggregateVersion) || !Number.isInteger(candidate.schemaVersion)) {
    throw new InvalidEventPayloadError(
      stream.topic,
      String(candidate.type),
      'envelope versions must be integers',
    );
  }
  if (candidate.causationId !== null && typeof candidate.causationId !== 'string') {
    throw new InvalidEventPayloadError(
      stream.topic,
      String(candidate.type),
      'envelope.causationId must be a string or null',
    );
  }
  const eventType = candidate.type as string;
  const payloadClass = Object.prototype.hasOwnProperty.call(stream.events, eventType)
    ? stream.events[eventType]
    : undefined;
  if (!payloadClass) {
    throw new InvalidEventPayloadError(stream.topic, eventType, 'type not declared by the stream');
  }
  const problems = payloadProblems(payloadClass, candidate.payload);
  if (problems) throw new InvalidEventPayloadError(stream.topic, eventType, problems);
  return { ...(candidate as unknown as EventEnvelope), payload: candidate.payload };
}

/**
 * What is wrong with `payload` by the rules of its class, or null when it is valid.
 * An array is never a payload: class-validator would check its items as objects of no
 * class and let it through.
 */
export function payloadProblems(payloadClass: PayloadClass, payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return 'payload missing';
  if (Array.isArray(payload)) return 'payload must be an object, not an array';
  cacheValidationMetadata();
  const errors = validateSync(plainToInstance(payloadClass, payload), { forbidUnknownValues: false });
  return errors.length > 0 ? errors.map((e) => e.toString()).join('; ') : null;
}
