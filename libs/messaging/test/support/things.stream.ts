import { IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineStream, type StreamDefinition } from '@lms/contracts';

/** A test-only payload: some thing, numbered in the order a test produced it. */
export class ThingRecordedV1 {
  @IsUUID() thingId!: string;
  @IsString() @Length(1, 100) name!: string;
  @IsInt() @Min(0) sequence!: number;
}

export class ThingRenamedV1 {
  @IsUUID() thingId!: string;
  @IsString() @Length(1, 100) name!: string;
}

export const THING_EVENTS = { 'thing.recorded': ThingRecordedV1, 'thing.renamed': ThingRenamedV1 };
export type ThingEvents = typeof THING_EVENTS;

/** A test-only stream; each integration test file gives it a topic of its own. */
export function thingsStream(topic: string, partitions = 3): StreamDefinition<ThingEvents> {
  return defineStream({
    topic,
    partitions,
    owner: 'messaging-tests',
    schemaVersion: 1,
    key: (e) => `${e.tenantId}:${e.aggregateId}`,
    events: THING_EVENTS,
  });
}
