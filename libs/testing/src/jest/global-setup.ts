import { resolveTestInfra } from '../infra/resolve-infra';

/**
 * Jest global setup of the integration and end-to-end suites: finds or starts Kafka,
 * MongoDB and SMTP, and hands their addresses to every test worker through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const infra = await resolveTestInfra();
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.MONGODB_URI = infra.mongoUri;
  process.env.SMTP_URL = infra.smtpUrl;
  process.env.MAILDEV_API_URL = infra.maildevApiUrl;
  process.env.KAFKA_CONSUMER_FROM_BEGINNING ??= 'false';
  process.env.LOG_LEVEL ??= 'warn';
  console.log(
    `\ntest infrastructure (${infra.source}): kafka ${process.env.KAFKA_BROKERS}, mongo ${infra.mongoUri}`,
  );
}
