import 'reflect-metadata';
import { createLogger, type Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const app = await createGatewayApp();
  const { port, host, upstreams } = app.get<GatewayConfig>(GATEWAY_CONFIG);
  await app.listen({ port, host });
  app.get<Logger>(LOGGER).info({ port, upstreams }, 'gateway started');
}

main().catch((error: unknown) => {
  createLogger('gateway').fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
