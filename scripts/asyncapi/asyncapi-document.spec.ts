import { parse } from 'yaml';
import { ALL_STREAMS, defineStream } from '@lms/contracts';
import { IsUUID } from 'class-validator';
import { asyncApiYaml, buildAsyncApiDocument, describePartitionKey } from './asyncapi-document';

interface Document {
  asyncapi: string;
  channels: Record<
    string,
    {
      address: string;
      messages: Record<string, { $ref: string }>;
      bindings: { kafka: { partitions: number } };
    }
  >;
  operations: Record<
    string,
    { action: string; channel: { $ref: string }; messages: Array<{ $ref: string }> }
  >;
  components: {
    messages: Record<string, { name: string; payload: { allOf: Array<Record<string, unknown>> } }>;
    schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
  };
}

/** The document as a reader gets it: generated, written as YAML, read back. */
const document = parse(asyncApiYaml(buildAsyncApiDocument(ALL_STREAMS, { version: '1.2.3' }))) as Document;

/** Resolves a local `$ref` such as `#/components/messages/x` in the document. */
function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      document,
    );
}

describe('AsyncAPI document', () => {
  it('is an AsyncAPI 3.0 document with a channel for every stream topic', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(
      Object.values(document.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual(ALL_STREAMS.map((s) => s.topic).sort());
  });

  it.each(ALL_STREAMS.map((stream) => [stream.topic, stream] as const))(
    'lists every event type of %s, each with its payload schema inside the envelope',
    (topic, stream) => {
      const channel = document.channels[topic];
      expect(Object.keys(channel.messages).sort()).toEqual(Object.keys(stream.events).sort());
      expect(channel.bindings.kafka.partitions).toBe(stream.partitions);
      for (const [type, payloadClass] of Object.entries(stream.events)) {
        const message = resolve(channel.messages[type].$ref) as Document['components']['messages'][string];
        expect(message.name).toBe(type);
        expect(message.payload.allOf[0]).toEqual({ $ref: '#/components/schemas/EventEnvelope' });
        expect(message.payload.allOf[1]).toMatchObject({
          properties: {
            type: { const: type },
            schemaVersion: { const: stream.schemaVersion },
            payload: { $ref: `#/components/schemas/${payloadClass.name}` },
          },
        });
        expect(document.components.schemas[payloadClass.name].properties).toBeDefined();
      }
    },
  );

  it("has the owner send every stream's messages", () => {
    for (const stream of ALL_STREAMS) {
      const operation = document.operations[`publish.${stream.topic}`];
      expect(operation.action).toBe('send');
      expect(resolve(operation.channel.$ref)).toBe(document.channels[stream.topic]);
      expect(operation.messages).toHaveLength(Object.keys(stream.events).length);
      for (const ref of operation.messages) expect(resolve(ref.$ref)).toBeDefined();
    }
  });

  it('declares the envelope with every field required', () => {
    expect(document.components.schemas.EventEnvelope.required).toEqual([
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
    ]);
  });

  it('describes the partition key from the stream key function', () => {
    class ThingMovedV1 {
      @IsUUID() thingId!: string;
    }
    const stream = defineStream({
      topic: 'test.things.v1',
      partitions: 1,
      owner: 'test',
      schemaVersion: 1,
      key: (e) => `${e.tenantId}:${(e.payload as ThingMovedV1).thingId}`,
      events: { 'thing.moved': ThingMovedV1 },
    });

    expect(describePartitionKey(stream)).toBe('{tenantId}:{payload.thingId}');
    expect(describePartitionKey(ALL_STREAMS[0])).toBe('{tenantId}:{aggregateId}');
  });

  it('refuses two streams on one topic', () => {
    expect(() => buildAsyncApiDocument([ALL_STREAMS[0], ALL_STREAMS[0]], { version: '1' })).toThrow(
      `two streams declare the topic ${ALL_STREAMS[0].topic}`,
    );
  });
});
