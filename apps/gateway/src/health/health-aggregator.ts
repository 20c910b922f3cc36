import { Inject, Injectable } from '@nestjs/common';
import {
  GATEWAY_CONFIG,
  UPSTREAM_SERVICES,
  type GatewayConfig,
  type UpstreamService,
} from '../config/gateway.config';
import {
  UPSTREAM_HEALTH_PROBE,
  type UpstreamHealthProbe,
  type UpstreamReadiness,
} from './upstream-health.probe';

export interface PlatformHealth {
  /** `ready` only when every service is. */
  status: 'ready' | 'not_ready';
  services: Record<UpstreamService, UpstreamReadiness>;
}

/** The platform is ready when every service behind the gateway is. */
export function platformHealthOf(readiness: Record<UpstreamService, UpstreamReadiness>): PlatformHealth {
  const allReady = UPSTREAM_SERVICES.every((service) => readiness[service].status === 'ready');
  return { status: allReady ? 'ready' : 'not_ready', services: readiness };
}

/** Asks every service for its readiness at once, each with a short deadline. */
@Injectable()
export class HealthAggregator {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(UPSTREAM_HEALTH_PROBE) private readonly probe: UpstreamHealthProbe,
  ) {}

  async check(): Promise<PlatformHealth> {
    const results = await Promise.all(
      UPSTREAM_SERVICES.map(
        async (service) =>
          [
            service,
            await this.probe.readiness(this.config.upstreams[service], this.config.healthTimeoutMs),
          ] as const,
      ),
    );
    return platformHealthOf(Object.fromEntries(results) as Record<UpstreamService, UpstreamReadiness>);
  }
}
