import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { createLogger, type Logger } from '@lms/observability';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './auth/principal';
import { PrincipalGuard } from './auth/principal.guard';
import { SingleTenantPrincipalResolver } from './auth/single-tenant-principal.resolver';
import { CLOCK, SystemClock } from './clock/clock';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';

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
        { provide: LOGGER, useValue: createLogger(options.serviceName) satisfies Logger },
        { provide: CLOCK, useClass: SystemClock },
        HealthRegistry,
        {
          provide: PRINCIPAL_RESOLVER,
          useValue: options.principalResolver ?? new SingleTenantPrincipalResolver(),
        },
        { provide: APP_GUARD, useClass: PrincipalGuard },
      ],
      exports: [LOGGER, CLOCK, HealthRegistry, PRINCIPAL_RESOLVER],
    };
  }
}
