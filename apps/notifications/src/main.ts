import { KafkaEventsTransport } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { bootstrapService } from '@lms/service-kit';
import { AppModule } from './app.module';

async function main(): Promise<void> {
  await bootstrapService({
    module: AppModule,
    globalPrefix: 'v1',
    transport: (app) => app.get(KafkaEventsTransport),
  });
}

main().catch((error: unknown) => {
  createLogger('notifications').fatal({ err: error }, 'notifications failed to start');
  process.exit(1);
});
