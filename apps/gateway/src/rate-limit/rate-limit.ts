import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@lms/service-kit';
import { API_PREFIX } from '../routing/routing-table';

/** Calls allowed a minute: per client address, per signed-in account, and of sign-in per address. */
export interface RateLimits {
  perClientPerMinute: number;
  perAccountPerMinute: number;
  signInPerMinute: number;
}

/** Clients counted at once; past that, the least recently seen are forgotten (and start afresh). */
const MAX_TRACKED_CLIENTS = 100_000;

const ONE_MINUTE_MS = 60_000;

/** The routes that take credentials: limited harder, since each try costs a password hash. */
const SIGN_IN_PATHS = [`${API_PREFIX}/auth/login`, `${API_PREFIX}/auth/refresh`];

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

function rateLimited(retryAfterSeconds: number): HttpException {
  return new HttpException(
    { code: 'REQUEST.RATE_LIMITED', detail: `Too many requests; retry in ${retryAfterSeconds} s.` },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/** Refuses the request with 429 and `Retry-After` when `limiter` counts it past its limit. */
async function enforce(limiter: Limiter, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const outcome = await limiter(request);
  if (outcome.isAllowed || !outcome.isExceeded) return;
  const retryAfter = Math.max(1, outcome.ttlInSeconds);
  void reply.header('retry-after', String(retryAfter));
  throw rateLimited(retryAfter);
}

/**
 * Limits API calls with `@fastify/rate-limit`, counted in memory by each gateway instance on
 * its own (with several instances behind a balancer, each allows its share), or, given a
 * shared `store` (`RATE_LIMIT_MONGODB_URI`), by all of them together:
 * - every call under `/api/v1/` per client address (`request.ip`, which honours the trusted
 *   proxies), answering with the `RateLimit-Limit`, `RateLimit-Remaining` and
 *   `RateLimit-Reset` headers of the IETF draft;
 * - sign-in and refresh per client address, harder;
 * - and, once the access token is verified, per account (the returned limiter), so that one
 *   account cannot use up a network's allowance nor hide behind many addresses.
 * Over a limit: 429 problem+json `REQUEST.RATE_LIMITED` with `Retry-After`. The gateway's own
 * liveness and readiness probes are not limited. The per-address check is one `onRequest`
 * hook of the whole server, so that it also covers the routes Nest declared before the plugin
 * was registered and the not-found answer. Register it after `app.init()`, so that the
 * problem+json filter renders the refusal.
 */
export async function registerRateLimit(
  fastify: FastifyInstance,
  limits: RateLimits,
  store?: FastifyRateLimitStoreCtor,
): Promise<(request: FastifyRequest & { principal?: Principal }, reply: FastifyReply) => Promise<void>> {
  await fastify.register(rateLimit, {
    ...(store ? { store } : {}),
    global: false,
    max: limits.perClientPerMinute,
    timeWindow: ONE_MINUTE_MS,
    cache: MAX_TRACKED_CLIENTS,
    enableDraftSpec: true,
    allowList: (request) => !request.url.startsWith(`${API_PREFIX}/`),
    errorResponseBuilder: (_request, { ttl }) => rateLimited(Math.ceil(ttl / 1000)),
  });
  fastify.addHook('onRequest', fastify.rateLimit());

  const signIn: Limiter = fastify.createRateLimit({
    max: limits.signInPerMinute,
    timeWindow: ONE_MINUTE_MS,
    keyGenerator: (request) => `sign-in:${request.ip}`,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0];
    if (request.method === 'POST' && SIGN_IN_PATHS.includes(path)) await enforce(signIn, request, reply);
  });

  const perAccount: Limiter = fastify.createRateLimit({
    max: limits.perAccountPerMinute,
    timeWindow: ONE_MINUTE_MS,
    keyGenerator: (request) => {
      const principal = (request as { principal?: Principal }).principal;
      return `account:${principal?.tenantId}:${principal?.userId}`;
    },
  });
  return async (request, reply) => {
    if (request.principal?.userId) await enforce(perAccount, request, reply);
  };
}
