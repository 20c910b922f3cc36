import { UPSTREAM_SERVICES, type GatewayConfig, type UpstreamService } from '../config/gateway.config';

/** The public path prefix of the whole API. */
export const API_PREFIX = '/api/v1';

/** One line of the routing table: requests under `prefix` go to `upstream` + `rewritePrefix` + the rest. */
export interface UpstreamRoute {
  service: UpstreamService;
  /** Public prefix, e.g. `/api/v1/identity`. */
  prefix: string;
  /** Service origin, e.g. `http://127.0.0.1:3101`. */
  upstream: string;
  /** The service's own prefix that replaces `prefix`: every service serves its resources under `/v1`. */
  rewritePrefix: string;
}

/**
 * `/api/v1/auth/*` → identity's `/v1/auth/*` (sign-in is the platform's, not one service's),
 * then `/api/v1/<service>/*` → `<service url>/v1/*` for every service, in a fixed order.
 */
export function routingTable(config: Pick<GatewayConfig, 'upstreams'>): UpstreamRoute[] {
  return [
    {
      service: 'identity',
      prefix: `${API_PREFIX}/auth`,
      upstream: config.upstreams.identity,
      rewritePrefix: '/v1/auth',
    },
    ...UPSTREAM_SERVICES.map((service) => ({
      service,
      prefix: `${API_PREFIX}/${service}`,
      upstream: config.upstreams[service],
      rewritePrefix: '/v1',
    })),
  ];
}
