import type { EventEnvelope } from './envelope';

/** A payload class: a plain class whose properties carry class-validator rules. */
export type PayloadClass<T extends object = object> = new () => T;

export type EventMap = Record<string, PayloadClass>;

/** The payload type of event `K` of a stream. */
export type PayloadOf<TEvents extends EventMap, K extends keyof TEvents> = InstanceType<TEvents[K]>;

/** The envelope type of event `K` of a stream. */
export type EnvelopeOf<TEvents extends EventMap, K extends keyof TEvents & string> = EventEnvelope<
  K,
  PayloadOf<TEvents, K>
>;

export interface StreamDefinition<TEvents extends EventMap = EventMap> {
  /** Kafka topic: `<owner>.<plural-noun>.v<major>`. Nothing else spells it. */
  readonly topic: string;
  /** Partitions created at start-up. Topics are never auto-created by a produce. */
  readonly partitions: number;
  /** The service that owns and publishes the stream. */
  readonly owner: string;
  /** Schema version of every payload on this stream. */
  readonly schemaVersion: number;
  /** Partition key: every event of one aggregate lands on one partition, in order. */
  readonly key: (envelope: EventEnvelope) => string;
  /**
   * Every event carries its aggregate's full state, so the topic is compacted: Kafka keeps at
   * least the latest event of each key for ever, and a projection built later (a new service,
   * a rebuilt database) still finds every aggregate by reading the topic from the beginning.
   */
  readonly compacted?: boolean;
  readonly events: TEvents;
}

export function defineStream<TEvents extends EventMap>(
  definition: StreamDefinition<TEvents>,
): StreamDefinition<TEvents> {
  return Object.freeze({ ...definition });
}

/** The dead-letter topic of a stream for one consumer group. */
export function deadLetterTopic(stream: Pick<StreamDefinition, 'topic'>, consumerGroup: string): string {
  return `${stream.topic}.dlt.${consumerGroup}`;
}
