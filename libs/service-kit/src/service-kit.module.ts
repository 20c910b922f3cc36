import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { createLogger, type Logger } from '@lms/observability';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './auth/principal';
import { PrincipalGuard } from './auth/principal.guard';
import { SingleTenantPrincipalResolver } from './auth/single-tenant-principal.resolver';
import { CLOCK, SystemClock } from '@lms/kernel';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import type { PlatformEnv, ServiceEnv } from './config/service-env';

export const LOGGER = Symbol('LOGGER');

export interface ServiceKitOptions {
  serviceName: string;
  principalResolver?: PrincipalResolver;
}

/** What every service has: its logger, clock, health endpoints, and the default-deny principal guard. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [HealthController],
      providers: [
        {
          provide: LOGGER,
          inject: [ConfigService],
          useFactory: (config: ConfigService<ServiceEnv, true>): Logger =>
            createLogger(options.serviceName, { level: config.get('LOG_LEVEL', { infer: true }) }),
        },
        { provide: CLOCK, useClass: SystemClock },
        HealthRegistry,
        {
          provide: PRINCIPAL_RESOLVER,
          inject: [ConfigService],
          useFactory: (config: ConfigService<PlatformEnv, true>): PrincipalResolver =>
            options.principalResolver ??
            new SingleTenantPrincipalResolver(config.get('DEFAULT_TENANT_ID', { infer: true })),
        },
        { provide: APP_GUARD, useClass: PrincipalGuard },
      ],
      exports: [LOGGER, CLOCK, HealthRegistry, PRINCIPAL_RESOLVER],
    };
  }
}
