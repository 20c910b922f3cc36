import { Global, Module } from '@nestjs/common';
import { COACHING_CONFIG, coachingConfigFromEnv } from '../config/coaching.config';
import { CLOCK, systemClock } from './clock';

/** The clock and the service's settings, for every feature module. */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: COACHING_CONFIG, useFactory: () => coachingConfigFromEnv() },
  ],
  exports: [CLOCK, COACHING_CONFIG],
})
export class SharedModule {}
