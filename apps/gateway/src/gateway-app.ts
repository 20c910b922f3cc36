import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from '@lms/observability';
import { configureHttp, LOGGER, NestPinoLogger } from '@lms/service-kit';
import { registerApiDocsUi } from './api-docs/api-docs-ui';
import { AppModule } from './app.module';
import { GatewayPrincipalGuard } from './auth/gateway-principal.guard';
import { gatewayConfigOfEnvironment } from './config/gateway.config';
import { registerRateLimit } from './rate-limit/rate-limit';
import { rateLimitStoreFor } from './rate-limit/rate-limit-store';
import { registerSecurityHeaders } from './security-headers';
import { registerUpstreamProxy } from './routing/upstream-proxy';
import { routingTable } from './routing/routing-table';

/** Answer headers a browser page may read: for support, and to pace its calls. */
const EXPOSED_HEADERS = [
  'x-correlation-id',
  'etag',
  'location',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
];

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
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: config.corsOrigins, exposedHeaders: EXPOSED_HEADERS, maxAge: 600 });
  registerApiDocsUi(app);
  app.enableShutdownHooks();
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await registerSecurityHeaders(fastify);
  const limitAccount = await registerRateLimit(
    fastify,
    config.rateLimits,
    await rateLimitStoreFor(fastify, config.rateLimitStoreUri),
  );
  registerUpstreamProxy(fastify, {
    routes: routingTable(config),
    guard: app.get(GatewayPrincipalGuard),
    limitAccount,
    timeoutMs: config.upstreamTimeoutMs,
    bodyLimitBytes: config.bodyLimitBytes,
    uploadLimitBytes: config.uploadLimitBytes,
  });
  return app;
}
