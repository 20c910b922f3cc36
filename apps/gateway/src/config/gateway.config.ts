import { validateEnv } from '@lms/service-kit';
import type { RateLimits } from '../rate-limit/rate-limit';
import { GatewayEnv } from './gateway.env';

/** The services behind the gateway: `/api/v1/<service>/...` is routed to the service's `/v1/...`. */
export const UPSTREAM_SERVICES = ['identity', 'coaching', 'learning', 'notifications'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

/** Largest request body the gateway accepts (and forwards): 1 MiB. */
export const GATEWAY_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Largest multipart upload the gateway forwards (an import file, ID-I4): 50 MiB, as large as
 * identity takes; streamed to the service, never held whole.
 */
export const GATEWAY_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** Settings of the gateway, grouped for the code that uses them. */
export interface GatewayConfig {
  port: number;
  host: string;
  /** Base URL (origin, no path) of each service. */
  upstreams: Record<UpstreamService, string>;
  /** How long a proxied call may wait for the upstream's response headers (and between body chunks). */
  upstreamTimeoutMs: number;
  /** How long `/api/v1/health` waits for each service's readiness. */
  healthTimeoutMs: number;
  rateLimits: RateLimits;
  /** Where the gateway instances count the rate limits together; null: each in memory. */
  rateLimitStoreUri: string | null;
  /** Browser origins allowed to call the API (CORS); empty: none. */
  corsOrigins: string[];
  /**
   * Fastify's `trustProxy`: `false` when clients connect directly (their socket address is
   * their IP), a hop count or a list of addresses when a load balancer sits in front.
   */
  trustProxy: boolean | number | string;
  bodyLimitBytes: number;
  /** Largest `multipart/form-data` body, forwarded as a stream. */
  uploadLimitBytes: number;
  /** Folder holding `openapi.yaml` and `asyncapi.yaml`; null: the `docs/` folder of the source tree. */
  apiDocsDir: string | null;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function gatewayConfigFrom(env: GatewayEnv): GatewayConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    upstreams: {
      identity: env.IDENTITY_URL,
      coaching: env.COACHING_URL,
      learning: env.LEARNING_URL,
      notifications: env.NOTIFICATIONS_URL,
    },
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    healthTimeoutMs: env.HEALTH_TIMEOUT_MS,
    rateLimits: {
      perClientPerMinute: env.RATE_LIMIT_PER_MINUTE,
      perAccountPerMinute: env.ACCOUNT_RATE_LIMIT_PER_MINUTE,
      signInPerMinute: env.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    },
    rateLimitStoreUri: env.RATE_LIMIT_MONGODB_URI?.trim() || null,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    trustProxy: env.TRUST_PROXY,
    bodyLimitBytes: GATEWAY_BODY_LIMIT_BYTES,
    uploadLimitBytes: GATEWAY_UPLOAD_LIMIT_BYTES,
    apiDocsDir: env.API_DOCS_DIR?.trim() || null,
  };
}

/**
 * The checked settings read from the environment as the configuration module reads them, for
 * what needs them before the application exists (Fastify takes `trustProxy` and the body limit
 * when it is created). Bad settings fail here, naming every bad variable.
 */
export function gatewayConfigOfEnvironment(): GatewayConfig {
  return gatewayConfigFrom(validateEnv(GatewayEnv)(process.env));
}
