import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@lms/service-kit';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { AuthModule } from './auth/auth.module';
import { GatewayConfigModule } from './config/gateway-config.module';
import type { GatewayConfig } from './config/gateway.config';
import { PlatformHealthModule } from './health/platform-health.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';

/** The gateway: no database, no Kafka; routing, limits and documents only. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'gateway' }),
        GatewayConfigModule.forRoot(config),
        AuthModule,
        RateLimitModule,
        PlatformHealthModule,
        ApiDocsModule,
      ],
    };
  }
}
