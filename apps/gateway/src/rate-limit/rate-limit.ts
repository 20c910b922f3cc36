import rateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../routing/routing-table';

/** Clients counted at once; past that, the least recently seen are forgotten (and start afresh). */
const MAX_TRACKED_CLIENTS = 100_000;

const ONE_MINUTE_MS = 60_000;

/**
 * Limits every API call per client IP (`request.ip`, which honours the trusted proxies) with
 * `@fastify/rate-limit`: `perMinute` calls a minute, counted in memory by each gateway
 * instance on its own. Over the limit: 429 problem+json `REQUEST.RATE_LIMITED` with
 * `Retry-After`, the seconds until the client's minute is over. Only paths under `/api/v1/`
 * are limited: the gateway's own liveness and readiness probes are not.
 *
 * The check is one `onRequest` hook of the whole server rather than the plugin's per-route
 * hooks, so that it also covers the routes Nest declared before the plugin was registered
 * and the not-found answer. Register it after `app.init()`, so that the problem+json filter
 * renders the refusal.
 */
export async function registerRateLimit(fastify: FastifyInstance, perMinute: number): Promise<void> {
  await fastify.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: ONE_MINUTE_MS,
    cache: MAX_TRACKED_CLIENTS,
    allowList: (request) => !request.url.startsWith(`${API_PREFIX}/`),
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
    errorResponseBuilder: (_request, { ttl }) =>
      new HttpException(
        { code: 'REQUEST.RATE_LIMITED', detail: `Too many requests; retry in ${Math.ceil(ttl / 1000)} s.` },
        HttpStatus.TOO_MANY_REQUESTS,
      ),
  });
  fastify.addHook('onRequest', fastify.rateLimit());
}
