import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

export const DLT_HEADERS = {
  errorMessage: 'dlt-error-message',
  errorCode: 'dlt-error-code',
  originalTopic: 'dlt-original-topic',
  originalPartition: 'dlt-original-partition',
  originalOffset: 'dlt-original-offset',
  consumerGroup: 'dlt-consumer-group',
  attempts: 'dlt-attempts',
  failedAt: 'dlt-failed-at',
} as const;

/** The prefix of every header a dead letter gets; a replay strips them. */
export const DLT_HEADER_PREFIX = 'dlt-';

/** Headers of a message put back on its topic from a dead-letter topic. */
export const REPLAY_HEADERS = {
  /** `<dead-letter topic>:<partition>:<offset>` of the dead letter it was replayed from. */
  replayedFrom: 'replayed-from',
  /** The one consumer group the replay is for; every other group skips the message. */
  consumerGroup: 'replay-consumer-group',
} as const;

export interface DeadLetterReason {
  error: unknown;
  topic: string;
  partition: number;
  consumerGroup: string;
  attempts: number;
}

/** The dead-letter copy of a message: the original key, value and headers, plus why it failed. */
export function deadLetterMessage(
  message: KafkaMessage,
  reason: DeadLetterReason,
  now: Date = new Date(),
): Message {
  const error = reason.error instanceof Error ? reason.error : new Error(String(reason.error));
  const code = (error as Error & { code?: unknown }).code;
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    [DLT_HEADERS.errorMessage]: error.message.slice(0, 4_000),
    [DLT_HEADERS.errorCode]: typeof code === 'string' ? code : error.name,
    [DLT_HEADERS.originalTopic]: reason.topic,
    [DLT_HEADERS.originalPartition]: String(reason.partition),
    [DLT_HEADERS.originalOffset]: message.offset,
    [DLT_HEADERS.consumerGroup]: reason.consumerGroup,
    [DLT_HEADERS.attempts]: String(reason.attempts),
    [DLT_HEADERS.failedAt]: now.toISOString(),
  };
  return { key: message.key, value: message.value, headers };
}

/** A header's value as text (Kafka hands headers over as buffers), the first if repeated. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}
