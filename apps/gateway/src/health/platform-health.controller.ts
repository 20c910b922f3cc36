import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '@lms/service-kit';
import { HealthAggregator, type PlatformHealth } from './health-aggregator';

/** `GET /api/v1/health`: the readiness of every service; 503 while any is not ready. */
@Access('anyone', 'anyone')
@Controller('api/v1/health')
export class PlatformHealthController {
  constructor(private readonly aggregator: HealthAggregator) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<PlatformHealth> {
    const health = await this.aggregator.check();
    void reply.status(health.status === 'ready' ? 200 : 503).header('cache-control', 'no-store');
    return health;
  }
}
