import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@lms/service-kit';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { AuthModule } from './auth/auth.module';
import { GatewayConfigModule } from './config/gateway-config.module';
import { PlatformHealthModule } from './health/platform-health.module';

/** The gateway: no database, no Kafka; routing, limits and documents only. */
@Module({
  imports: [
    GatewayConfigModule,
    ServiceKitModule.forRoot({ serviceName: 'gateway' }),
    AuthModule,
    PlatformHealthModule,
    ApiDocsModule,
  ],
})
export class AppModule {}
