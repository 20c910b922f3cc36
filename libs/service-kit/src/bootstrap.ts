import type { CustomTransportStrategy } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { CORRELATION_ID_HEADER, correlationIdFrom, type Logger } from '@lms/observability';
import { CorrelationInterceptor } from './http/correlation.interceptor';
import { EntityTagInterceptor } from './http/entity-version';
import { NestPinoLogger } from './http/nest-pino.logger';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation.pipe';
import { LOGGER } from './service-kit.module';
import type { ServiceEnv } from './config/service-env';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Every service serves its own resources under this prefix (`/v1/...`). */
export const SERVICE_ROUTE_PREFIX = 'v1';

/** Routes every service serves outside its global prefix: the orchestrator's probes. */
export const UNPREFIXED_ROUTES = ['health/live', 'health/ready', 'metrics'];

export interface ServiceBootstrapOptions {
  /** Nest root module of the service. */
  module: unknown;
  /** Route prefix of the service's own resources, e.g. `v1`. */
  globalPrefix?: string;
  /** Kafka transport feeding the service's `@OnEvent` handlers, if it has any. */
  transport?: (app: NestFastifyApplication) => CustomTransportStrategy;
}

/** Fastify settings, problem+json, validation and correlation ids: the same on every service. */
export function configureHttp(app: NestFastifyApplication, globalPrefix?: string): void {
  const logger = app.get<Logger>(LOGGER);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    (request as unknown as { correlationId: string }).correlationId = correlationId;
    void reply.header(CORRELATION_ID_HEADER, correlationId);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        correlationId: (request as unknown as { correlationId?: string }).correlationId,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
  acceptEmptyJsonBodies(app);
  if (globalPrefix) app.setGlobalPrefix(globalPrefix, { exclude: UNPREFIXED_ROUTES });
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new CorrelationInterceptor(), new EntityTagInterceptor());
}

/**
 * `content-type: application/json` with an empty body, as many clients send on a DELETE or
 * on a POST of an action, is a request without a body, not a malformed one; any other body
 * goes through Fastify's own parser (and its prototype-poisoning protection).
 */
function acceptEmptyJsonBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') done(null, undefined);
    else parseJson(request, text, done);
  });
}

/**
 * The proxies whose `X-Forwarded-For` a service believes: the gateway, on the same host or on a
 * private network (containers). A client that reaches a service from anywhere else is known
 * by its own address, so it cannot pass for another (login throttling counts per address).
 */
export const TRUSTED_PROXIES = 'loopback,linklocal,uniquelocal';

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: DEFAULT_BODY_LIMIT_BYTES, trustProxy: TRUSTED_PROXIES });
}

/**
 * Starts a service: HTTP first (`app.init()`), then its Kafka consumers, then listening.
 * SIGTERM and SIGINT stop consuming, finish in-flight work, flush outboxes and close.
 */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module as never,
    createFastifyAdapter(),
    { bufferLogs: true },
  );
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  configureHttp(app, options.globalPrefix);
  app.enableShutdownHooks();
  if (options.transport) {
    app.connectMicroservice({ strategy: options.transport(app) }, { inheritAppConfig: true });
  }
  await app.init();
  await app.startAllMicroservices();
  const config = app.get<ConfigService<ServiceEnv, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  await app.listen({ port, host: config.get('HOST', { infer: true }) });
  logger.info({ port }, 'service started');
  return app;
}
