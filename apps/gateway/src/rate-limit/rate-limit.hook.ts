import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../routing/routing-table';
import type { TokenBucketRateLimiter } from './token-bucket-rate-limiter';

/**
 * Limits every API call per client IP (`request.ip`, which honours the trusted proxies);
 * over the limit: 429 problem+json `REQUEST.RATE_LIMITED` with `Retry-After`. The
 * gateway's own liveness and readiness probes are not limited.
 */
export function registerRateLimit(fastify: FastifyInstance, limiter: TokenBucketRateLimiter): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(`${API_PREFIX}/`)) return;
    const decision = limiter.take(request.ip);
    if (decision.allowed) return;
    void reply.header('retry-after', String(decision.retryAfterSeconds));
    throw new HttpException(
      {
        code: 'REQUEST.RATE_LIMITED',
        detail: `Too many requests; retry in ${decision.retryAfterSeconds} s.`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  });
}
