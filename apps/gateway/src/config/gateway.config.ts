import { portFromEnv } from '@lms/service-kit';

/** The services behind the gateway: `/api/v1/<service>/...` is routed to the service's `/v1/...`. */
export const UPSTREAM_SERVICES = ['identity', 'coaching', 'learning', 'notifications'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

const UPSTREAM_URL_VARIABLES: Record<UpstreamService, { name: string; fallback: string }> = {
  identity: { name: 'IDENTITY_URL', fallback: 'http://127.0.0.1:3101' },
  coaching: { name: 'COACHING_URL', fallback: 'http://127.0.0.1:3102' },
  learning: { name: 'LEARNING_URL', fallback: 'http://127.0.0.1:3103' },
  notifications: { name: 'NOTIFICATIONS_URL', fallback: 'http://127.0.0.1:3104' },
};

/** Largest request body the gateway accepts (and forwards): 1 MiB. */
export const GATEWAY_BODY_LIMIT_BYTES = 1024 * 1024;

export interface GatewayConfig {
  port: number;
  host: string;
  /** Base URL (origin, no path) of each service. */
  upstreams: Record<UpstreamService, string>;
  /** How long a proxied call may wait for the upstream's response headers (and between body chunks). */
  upstreamTimeoutMs: number;
  /** How long `/api/v1/health` waits for each service's readiness. */
  healthTimeoutMs: number;
  /** Requests per minute and client IP; also the burst a quiet client may spend at once. */
  rateLimitPerMinute: number;
  /**
   * Fastify's `trustProxy`: `false` when clients connect directly (their socket address is
   * their IP), a hop count or a list of addresses when a load balancer sits in front.
   */
  trustProxy: boolean | number | string;
  bodyLimitBytes: number;
  /** Folder holding `openapi.yaml` and `asyncapi.yaml`; null: the `docs/` folder of the source tree. */
  apiDocsDir: string | null;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Reads and validates the gateway's settings; fails at start-up naming the bad variable. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const upstreams = Object.fromEntries(
    UPSTREAM_SERVICES.map((service) => {
      const { name, fallback } = UPSTREAM_URL_VARIABLES[service];
      return [service, upstreamUrl(name, env[name]?.trim() || fallback)];
    }),
  ) as Record<UpstreamService, string>;
  return {
    port: portFromEnv('PORT', 3000, env),
    host: env.HOST?.trim() || '127.0.0.1',
    upstreams,
    upstreamTimeoutMs: positiveInteger('UPSTREAM_TIMEOUT_MS', env, 15_000),
    healthTimeoutMs: positiveInteger('HEALTH_TIMEOUT_MS', env, 2_000),
    rateLimitPerMinute: positiveInteger('RATE_LIMIT_PER_MINUTE', env, 600),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    bodyLimitBytes: GATEWAY_BODY_LIMIT_BYTES,
    apiDocsDir: env.API_DOCS_DIR?.trim() || null,
  };
}

function upstreamUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`${name} must be a service origin without a path, got "${raw}"`);
  }
  return url.origin;
}

function positiveInteger(name: string, env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function trustProxyFrom(raw: string | undefined): boolean | number | string {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
