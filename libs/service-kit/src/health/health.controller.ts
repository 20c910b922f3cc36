import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access';
import { HealthRegistry, type ReadinessReport } from './health-registry';

@Access('anyone', 'anyone: liveness and readiness probes')
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process runs. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  /** The process can do its work: database answers, consumers joined their groups. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    void reply.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}
