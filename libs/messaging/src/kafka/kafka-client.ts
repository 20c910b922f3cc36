import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@lms/observability';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

/** Reads `KAFKA_BROKERS` (comma-separated host:port list) for tools and tests; services get it from their settings. */
export function brokersFromEnv(env: Record<string, string | undefined>): string[] {
  const raw = env.KAFKA_BROKERS?.trim();
  if (!raw) throw new Error('KAFKA_BROKERS is not set (e.g. KAFKA_BROKERS=127.0.0.1:9092)');
  return raw
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** The one place a Kafka client is made: kafkajs logs go to the service's logger. */
export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  const log = logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...extra } = entry;
        if (level === logLevel.ERROR) log.error(extra, message);
        else if (level === logLevel.WARN) log.warn(extra, message);
        else log.debug(extra, message);
      },
  });
}
