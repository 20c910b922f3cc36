import { Document } from 'yaml';
import { deadLetterTopic, type EventEnvelope, type StreamDefinition } from '@lms/contracts';
import { EVENT_TYPE_HEADER, CORRELATION_ID_HEADER as KAFKA_CORRELATION_ID_HEADER } from '@lms/messaging';
import { payloadSchemaOf, type JsonSchema, type SchemaRegistry } from './payload-schema';

const KAFKA_BINDING_VERSION = '0.5.0';

export interface AsyncApiOptions {
  /** The document's version: the platform's. */
  version: string;
}

type Json = Record<string, unknown>;

/** The envelope every event travels in (libs/contracts `EventEnvelope`). */
export const ENVELOPE_SCHEMA: JsonSchema = {
  title: 'EventEnvelope',
  type: 'object',
  properties: {
    eventId: {
      type: 'string',
      format: 'uuid',
      description: 'UUID v7: unique per event, sorts by creation time.',
    },
    type: { type: 'string', description: 'Event type, past tense (`membership.added`).' },
    schemaVersion: {
      type: 'integer',
      minimum: 1,
      description: "Version of the payload's schema on this stream.",
    },
    tenantId: { type: 'string', description: 'The tenant the event belongs to.' },
    aggregateId: { type: 'string', description: 'Id of the entity the event is about.' },
    aggregateVersion: {
      type: 'integer',
      minimum: 1,
      description: "The entity's version after this change: +1 per change; consumers ignore older versions.",
    },
    occurredAt: { type: 'string', format: 'date-time' },
    producer: { type: 'string', description: 'The publishing service.' },
    correlationId: {
      type: 'string',
      description: 'Follows one user action through every request and event it causes.',
    },
    causationId: { type: ['string', 'null'], description: 'The event that caused this one, if any.' },
    payload: { type: 'object', description: 'The event-specific payload.' },
  },
  required: [
    'eventId',
    'type',
    'schemaVersion',
    'tenantId',
    'aggregateId',
    'aggregateVersion',
    'occurredAt',
    'producer',
    'correlationId',
    'causationId',
    'payload',
  ],
};

/**
 * The partition key of a stream, in words: its key function applied to an envelope whose
 * fields are their own names, e.g. `{tenantId}:{aggregateId}`.
 */
export function describePartitionKey(stream: StreamDefinition): string {
  const payload = new Proxy(
    {},
    { get: (_target, field) => (typeof field === 'string' ? `{payload.${field}}` : undefined) },
  );
  const envelope: EventEnvelope = {
    eventId: '{eventId}',
    type: '{type}',
    schemaVersion: stream.schemaVersion,
    tenantId: '{tenantId}',
    aggregateId: '{aggregateId}',
    aggregateVersion: 0,
    occurredAt: '{occurredAt}',
    producer: '{producer}',
    correlationId: '{correlationId}',
    causationId: '{causationId}',
    payload,
  };
  return stream.key(envelope);
}

/** The AsyncAPI 3.0 document of every stream: channels, the owner's send operations, messages, schemas. */
export function buildAsyncApiDocument(streams: readonly StreamDefinition[], options: AsyncApiOptions): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  const schemas: Record<string, JsonSchema> = { EventEnvelope: ENVELOPE_SCHEMA };
  const nested: SchemaRegistry = new Map();
  const schemaOwners = new Map<string, unknown>();

  for (const stream of streams) {
    if (channels[stream.topic]) throw new Error(`two streams declare the topic ${stream.topic}`);
    const key = describePartitionKey(stream);
    const channelMessages: Json = {};
    for (const [type, payloadClass] of Object.entries(stream.events)) {
      const schemaName = payloadClass.name;
      const owner = schemaOwners.get(schemaName);
      if (owner && owner !== payloadClass) throw new Error(`two payload classes are named ${schemaName}`);
      schemaOwners.set(schemaName, payloadClass);
      schemas[schemaName] = payloadSchemaOf(payloadClass, nested);

      const messageId = `${stream.topic}.${type}`;
      messages[messageId] = {
        name: type,
        title: `${type} (${schemaName})`,
        contentType: 'application/json',
        headers: {
          type: 'object',
          properties: {
            [EVENT_TYPE_HEADER]: { type: 'string', const: type },
            [KAFKA_CORRELATION_ID_HEADER]: { type: 'string' },
          },
        },
        payload: {
          allOf: [
            { $ref: '#/components/schemas/EventEnvelope' },
            {
              type: 'object',
              properties: {
                type: { const: type },
                schemaVersion: { const: stream.schemaVersion },
                payload: { $ref: `#/components/schemas/${schemaName}` },
              },
            },
          ],
        },
        bindings: {
          kafka: {
            key: { type: 'string', description: `Partition key \`${key}\`.` },
            bindingVersion: KAFKA_BINDING_VERSION,
          },
        },
      };
      channelMessages[type] = { $ref: `#/components/messages/${messageId}` };
    }

    channels[stream.topic] = {
      address: stream.topic,
      title: stream.topic,
      description: [
        `Owned and published by **${stream.owner}**. Schema version ${stream.schemaVersion}.`,
        `Partition key \`${key}\`: every event of one entity lands on one partition, in order.`,
        `Failed deliveries of a consumer group go to \`${deadLetterTopic(stream, '{consumer-group}')}\`.`,
      ].join('\n'),
      messages: channelMessages,
      bindings: {
        kafka: {
          topic: stream.topic,
          partitions: stream.partitions,
          ...(stream.compacted ? { topicConfiguration: { 'cleanup.policy': ['compact'] } } : {}),
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    operations[`publish.${stream.topic}`] = {
      action: 'send',
      title: `${stream.owner} publishes ${stream.topic}`,
      channel: { $ref: `#/channels/${stream.topic}` },
      messages: Object.keys(channelMessages).map((type) => ({
        $ref: `#/channels/${stream.topic}/messages/${type}`,
      })),
    };
  }
  for (const [name, schema] of nested) schemas[name] = schema;

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Coaching platform events',
      version: options.version,
      description: [
        'Every event stream of the platform, generated from `libs/contracts` by `scripts/generate-asyncapi.ts`.',
        'Payload schemas are derived from the class-validator rules every consumer runs. Do not edit by hand.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'Local single-node broker (infra/up.sh).',
      },
      compose: { host: 'kafka:9092', protocol: 'kafka', description: 'The broker inside docker-compose.' },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}

/** The document as YAML, without anchors, behind a do-not-edit header. */
export function asyncApiYaml(document: Json): string {
  const yaml = new Document(document, { aliasDuplicateObjects: false });
  yaml.commentBefore = ' Generated by scripts/generate-asyncapi.ts from libs/contracts. Do not edit by hand.';
  return yaml.toString({ lineWidth: 0, singleQuote: true });
}
