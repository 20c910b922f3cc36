import 'reflect-metadata';
import { createLogger, type Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { gatewayConfigFromEnv } from './config/gateway.config';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  const app = await createGatewayApp(config);
  await app.listen({ port: config.port, host: config.host });
  app.get<Logger>(LOGGER).info({ port: config.port, upstreams: config.upstreams }, 'gateway started');
}

main().catch((error: unknown) => {
  createLogger('gateway').fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
