import { Module } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { TokenBucketRateLimiter } from './token-bucket-rate-limiter';

@Module({
  providers: [
    {
      provide: TokenBucketRateLimiter,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new TokenBucketRateLimiter({ perMinute: config.rateLimitPerMinute }),
    },
  ],
  exports: [TokenBucketRateLimiter],
})
export class RateLimitModule {}
