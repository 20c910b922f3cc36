import { KafkaEventsTransport } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { bootstrapService } from '@lms/service-kit';
import { AppModule, SERVICE_NAME } from './app.module';

async function main(): Promise<void> {
  await bootstrapService({
    module: AppModule,
    globalPrefix: 'v1',
    // Identity has no event handlers yet: the transport then starts no consumer.
    transport: (app) => app.get(KafkaEventsTransport),
  });
}

main().catch((error: unknown) => {
  createLogger(SERVICE_NAME).fatal({ err: error }, 'identity failed to start');
  process.exit(1);
});
