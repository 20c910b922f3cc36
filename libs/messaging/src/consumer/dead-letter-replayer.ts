import type { IHeaders, Kafka, KafkaMessage, Message } from 'kafkajs';
import { deadLetterTopic } from '@lms/contracts';
import type { Logger } from '@lms/observability';
import type { EventProducer } from '../kafka/event-producer';
import { DLT_HEADER_PREFIX, DLT_HEADERS, headerText, REPLAY_HEADERS } from './dead-letter';

export interface DeadLetterReplayRequest {
  /** The stream's topic whose dead letters are replayed (not the dead-letter topic). */
  topic: string;
  /** The consumer group that dead-lettered them. */
  consumerGroup: string;
  /** Replays at most this many messages in this run; by default all that are there when it starts. */
  max?: number;
  /** Gives up waiting for the dead letters after this long (default 60 s); progress so far is kept. */
  timeoutMs?: number;
}

export interface DeadLetterReplayResult {
  deadLetterTopic: string;
  /** Messages put back on their original topic in this run. */
  replayed: number;
  /** Dead letters that could not be replayed (no original topic header); logged and passed over. */
  skipped: number;
  /** Dead letters still waiting for a replay (counted when the run started). */
  remaining: number;
  timedOut: boolean;
}

/** The consumer group that keeps the replay progress of one dead-letter topic. */
export function deadLetterReplayGroup(topic: string, consumerGroup: string): string {
  return `${deadLetterTopic({ topic }, consumerGroup)}.replay`;
}

/**
 * The message to put back on its original topic for a dead letter: the same key and value,
 * the original headers without the dead-letter ones, and where it was replayed from and for
 * which consumer group (the other groups of the topic skip it). Null when the dead letter
 * does not say which topic it came from.
 */
export function replayMessage(
  deadLetter: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>,
  source: { topic: string; partition: number; consumerGroup: string },
): { topic: string; message: Message } | null {
  const originalTopic = headerText(deadLetter.headers, DLT_HEADERS.originalTopic);
  if (!originalTopic) return null;
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(deadLetter.headers ?? {})) {
    if (!name.startsWith(DLT_HEADER_PREFIX) && value !== undefined) headers[name] = value;
  }
  headers[REPLAY_HEADERS.replayedFrom] = `${source.topic}:${source.partition}:${deadLetter.offset}`;
  headers[REPLAY_HEADERS.consumerGroup] = source.consumerGroup;
  return { topic: originalTopic, message: { key: deadLetter.key, value: deadLetter.value, headers } };
}

interface PartitionRange {
  /** The first offset this run has still to read. */
  next: bigint;
  /** The end of the topic when the run started: what is dead-lettered later waits for the next run. */
  end: bigint;
}

/**
 * Puts the dead letters of one consumer group back on their original topics, once their
 * cause is fixed (rule 3: "a way to replay"). Its progress is committed in a group of its
 * own, so a replay resumes where the last one stopped and never sends a dead letter twice
 * (short of a crash between the send and the commit). A replayed message that fails again
 * is dead-lettered again, behind the end this run set itself: no endless loop.
 */
export class DeadLetterReplayer {
  constructor(
    private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly logger: Logger,
  ) {}

  async replay(request: DeadLetterReplayRequest): Promise<DeadLetterReplayResult> {
    const dlt = deadLetterTopic({ topic: request.topic }, request.consumerGroup);
    const groupId = deadLetterReplayGroup(request.topic, request.consumerGroup);
    const max = request.max ?? Number.POSITIVE_INFINITY;
    const ranges = await this.pendingRanges(dlt, groupId);
    const pending = [...ranges.values()].reduce((sum, range) => sum + Number(range.end - range.next), 0);
    const result: DeadLetterReplayResult = {
      deadLetterTopic: dlt,
      replayed: 0,
      skipped: 0,
      remaining: pending,
      timedOut: false,
    };
    if (pending === 0 || max <= 0) return result;

    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let done = false;
    let failure: unknown;
    const complete = (): void => {
      done = true;
      finish();
    };
    const allRead = (): boolean => [...ranges.values()].every((range) => range.next >= range.end);

    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [dlt], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: 1,
        eachMessage: async ({ topic, partition, message }) => {
          const range = ranges.get(partition);
          const offset = BigInt(message.offset);
          // Past the limit or the end of this run: not committed, left for the next run.
          if (done || !range || offset >= range.end) return;
          try {
            const replay = replayMessage(message, { topic, partition, consumerGroup: request.consumerGroup });
            if (replay) {
              await this.producer.sendRaw(replay.topic, [replay.message]);
              result.replayed++;
            } else {
              result.skipped++;
              this.logger.error(
                { deadLetterTopic: dlt, partition, offset: message.offset },
                'dead letter without its original topic; not replayed',
              );
            }
            await consumer.commitOffsets([{ topic, partition, offset: (offset + 1n).toString() }]);
          } catch (error) {
            failure = error;
            complete();
            return;
          }
          range.next = offset + 1n;
          if (result.replayed + result.skipped >= max || allRead()) complete();
        },
      });
      const timeoutMs = request.timeoutMs ?? 60_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      result.timedOut = await Promise.race([finished.then(() => false), timedOut]);
      clearTimeout(timer);
      done = true;
    } finally {
      await consumer.disconnect();
    }
    result.remaining = pending - result.replayed - result.skipped;
    if (failure) throw failure;
    this.logger.info({ ...result }, 'dead letters replayed');
    return result;
  }

  /** Per partition of the dead-letter topic, what this replay group has still to read. */
  private async pendingRanges(dlt: string, groupId: string): Promise<Map<number, PartitionRange>> {
    const ranges = new Map<number, PartitionRange>();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(dlt)) return ranges;
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(dlt),
        admin.fetchOffsets({ groupId, topics: [dlt] }),
      ]);
      const committedBy = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
      for (const { partition, low, high } of ends) {
        const done = committedBy.get(partition) ?? -1n;
        const start = BigInt(low);
        ranges.set(partition, { next: done > start ? done : start, end: BigInt(high) });
      }
      return ranges;
    } finally {
      await admin.disconnect();
    }
  }
}
