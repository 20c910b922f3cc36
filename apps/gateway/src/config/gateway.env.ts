import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Min, ValidateBy } from 'class-validator';
import { ServiceEnv } from '@lms/service-kit';

/** Why `value` is not a service origin (`http(s)://host[:port]`, no path), or null when it is one. */
function originProblem(value: unknown): string | null {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL';
  if (url.pathname !== '/' || url.search || url.hash) return 'must be a service origin without a path';
  return null;
}

/** A service's base URL: an http(s) origin, kept without its trailing slash. */
function ServiceOrigin(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      originProblem(value) === null ? new URL(String(value)).origin : value,
    ),
    ValidateBy({
      name: 'isServiceOrigin',
      validator: {
        validate: (value: unknown) => originProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${originProblem(args?.value)}`,
      },
    }),
  );
}

/** A whole number, at least 1. */
function PositiveInteger(): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(1),
  );
}

/**
 * Fastify's `trustProxy`: `false` (the default) when clients connect directly, `true`, a hop
 * count, or the addresses of the trusted proxies (comma-separated, or a name like `loopback`).
 */
function trustProxyFrom({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** The gateway's environment, checked at start-up. No database, no Kafka. */
export class GatewayEnv extends ServiceEnv {
  override PORT = 3000;

  /** Where the identity service listens (an origin, no path). */
  @ServiceOrigin()
  IDENTITY_URL = 'http://127.0.0.1:3101';

  /** Where the coaching service listens. */
  @ServiceOrigin()
  COACHING_URL = 'http://127.0.0.1:3102';

  /** Where the learning service listens. */
  @ServiceOrigin()
  LEARNING_URL = 'http://127.0.0.1:3103';

  /** Where the notifications service listens. */
  @ServiceOrigin()
  NOTIFICATIONS_URL = 'http://127.0.0.1:3104';

  /** How long a proxied call may wait for the service's response headers (and between body chunks). */
  @PositiveInteger()
  UPSTREAM_TIMEOUT_MS = 15_000;

  /** How long `/api/v1/health` waits for each service's readiness. */
  @PositiveInteger()
  HEALTH_TIMEOUT_MS = 2_000;

  /** API calls per client IP and minute, counted by each gateway instance on its own. */
  @PositiveInteger()
  RATE_LIMIT_PER_MINUTE = 600;

  /** API calls per signed-in account and minute, counted by each gateway instance on its own. */
  @PositiveInteger()
  ACCOUNT_RATE_LIMIT_PER_MINUTE = 1_200;

  /** Sign-in and token refresh calls per client IP and minute. */
  @PositiveInteger()
  SIGN_IN_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * A MongoDB database the gateway instances share to count the rate limits together, e.g.
   * `mongodb://db:27017/gateway`; unset: each instance counts on its own, in memory.
   */
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'RATE_LIMIT_MONGODB_URI must be a mongodb:// URL' })
  RATE_LIMIT_MONGODB_URI?: string;

  /**
   * Browser origins allowed to call the API from their pages (CORS), comma-separated, e.g.
   * `https://learn.example.com`; empty: none (only same-origin pages and non-browser clients).
   */
  @IsString()
  CORS_ORIGINS = '';

  /**
   * Which proxies' `X-Forwarded-For` to believe: `false` (clients connect directly), `true`, a
   * hop count, or their addresses (comma-separated, or a name like `loopback`).
   */
  @Transform(trustProxyFrom)
  TRUST_PROXY: boolean | number | string = false;

  /** Folder holding `openapi.yaml` and `asyncapi.yaml`; unset: the `docs/` folder of the source tree. */
  @IsOptional()
  @IsString()
  API_DOCS_DIR?: string;
}
