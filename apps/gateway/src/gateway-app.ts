import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from '@lms/observability';
import { configureHttp, LOGGER, NestPinoLogger } from '@lms/service-kit';
import { AppModule } from './app.module';
import { GatewayPrincipalGuard } from './auth/gateway-principal.guard';
import { gatewayConfigOfEnvironment } from './config/gateway.config';
import { registerRateLimit } from './rate-limit/rate-limit';
import { registerUpstreamProxy } from './routing/upstream-proxy';
import { routingTable } from './routing/routing-table';

/**
 * Builds the gateway, ready to listen: the shared HTTP set-up (problem+json, correlation
 * ids, request logs), then, once Nest has installed its error and not-found handlers, the
 * rate limit and the proxied routes on the Fastify instance, so that their failures are
 * rendered by the same problem+json filter.
 */
export async function createGatewayApp(): Promise<NestFastifyApplication> {
  const config = gatewayConfigOfEnvironment();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: config.trustProxy }),
    { bufferLogs: true },
  );
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  configureHttp(app);
  app.enableShutdownHooks();
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await registerRateLimit(fastify, config.rateLimitPerMinute);
  registerUpstreamProxy(fastify, {
    routes: routingTable(config),
    guard: app.get(GatewayPrincipalGuard),
    timeoutMs: config.upstreamTimeoutMs,
    bodyLimitBytes: config.bodyLimitBytes,
  });
  return app;
}
