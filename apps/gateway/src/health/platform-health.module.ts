import { Module } from '@nestjs/common';
import { HealthAggregator } from './health-aggregator';
import { HttpUpstreamHealthProbe } from './http-upstream-health.probe';
import { PlatformHealthController } from './platform-health.controller';
import { UPSTREAM_HEALTH_PROBE } from './upstream-health.probe';

@Module({
  controllers: [PlatformHealthController],
  providers: [{ provide: UPSTREAM_HEALTH_PROBE, useClass: HttpUpstreamHealthProbe }, HealthAggregator],
})
export class PlatformHealthModule {}
