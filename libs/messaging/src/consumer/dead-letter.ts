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

export interface DeadLetterReason {
  error: unknown;
  topic: string;
  partition: number;
  consumerGroup: string;
  attempts: number;
}

/** The dead-letter copy of a message: the original key, value and headers, plus why it failed. */
export function deadLetterMessage(message: KafkaMessage, reason: DeadLetterReason): Message {
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
    [DLT_HEADERS.failedAt]: new Date().toISOString(),
  };
  return { key: message.key, value: message.value, headers };
}
