import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access';
import { Metrics } from './metrics';

/**
 * `GET /metrics` on the service's own port, outside the versioned API: the gateway does not
 * route it, so only what reaches the service's network (a scraper) reads it.
 */
@Access('anyone', "anyone on the service's network: the metrics scraper")
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.type(this.metrics.contentType);
    return this.metrics.text();
  }
}
