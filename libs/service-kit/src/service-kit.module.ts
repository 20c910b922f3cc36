import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { createLogger, type Logger } from '@lms/observability';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './auth/principal';
import { PrincipalGuard } from './auth/principal.guard';
import { AccessTokenVerifier } from './auth/access-token';
import { JwtPrincipalResolver } from './auth/jwt-principal.resolver';
import { CLOCK, SystemClock } from '@lms/kernel';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import type { ServiceEnv } from './config/service-env';

export const LOGGER = Symbol('LOGGER');

export interface ServiceKitOptions {
  serviceName: string;
}

/**
 * What every service has: its logger, clock, health and metrics endpoints, and the default-deny principal
 * guard, which admits a request with a valid access token (or a route open to anyone: `@Access('anyone', ...)`), and refuses callers below the route's `@Access(...)` rule.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [HealthController, MetricsController],
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
          provide: Metrics,
          useFactory: (): Metrics => new Metrics({ service: options.serviceName, withProcessMetrics: true }),
        },
        {
          provide: AccessTokenVerifier,
          inject: [ConfigService],
          useFactory: (config: ConfigService<ServiceEnv, true>): AccessTokenVerifier =>
            new AccessTokenVerifier({
              issuer: config.get('TOKEN_ISSUER', { infer: true }),
              jwksUrl: config.get('IDENTITY_JWKS_URL', { infer: true }),
            }),
        },
        {
          provide: PRINCIPAL_RESOLVER,
          inject: [AccessTokenVerifier],
          useFactory: (verifier: AccessTokenVerifier): PrincipalResolver =>
            new JwtPrincipalResolver(verifier),
        },
        { provide: APP_GUARD, useClass: PrincipalGuard },
      ],
      exports: [LOGGER, CLOCK, HealthRegistry, Metrics, AccessTokenVerifier, PRINCIPAL_RESOLVER],
    };
  }
}
