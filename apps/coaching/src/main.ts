import 'reflect-metadata';
import { KafkaEventsTransport } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { bootstrapService, portFromEnv } from '@lms/service-kit';
import { AppModule, SERVICE_NAME } from './app.module';

export const DEFAULT_PORT = 3102;

async function main(): Promise<void> {
  await bootstrapService({
    module: AppModule,
    port: portFromEnv('PORT', DEFAULT_PORT),
    globalPrefix: 'v1',
    transport: (app) => app.get(KafkaEventsTransport),
  });
}

main().catch((error: unknown) => {
  createLogger(SERVICE_NAME).fatal({ err: error }, 'coaching service failed to start');
  process.exit(1);
});
