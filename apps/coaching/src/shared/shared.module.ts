import { Global, Module } from '@nestjs/common';
import { COACHING_CONFIG, coachingConfigFromEnv } from '../config/coaching.config';

/** The service's settings, for every feature module (the clock comes from `ServiceKitModule`). */
@Global()
@Module({
  providers: [{ provide: COACHING_CONFIG, useFactory: () => coachingConfigFromEnv() }],
  exports: [COACHING_CONFIG],
})
export class SharedModule {}
