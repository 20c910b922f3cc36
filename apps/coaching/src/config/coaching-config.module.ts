import { Global, Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { COACHING_CONFIG, coachingConfigFrom } from './coaching.config';
import { CoachingEnv } from './coaching.env';

/** The service's settings, read from the environment once and checked against {@link CoachingEnv}. */
@Global()
@Module({
  imports: [serviceConfigModule(CoachingEnv)],
  providers: [{ provide: COACHING_CONFIG, inject: [CoachingEnv], useFactory: coachingConfigFrom }],
  exports: [COACHING_CONFIG],
})
export class CoachingConfigModule {}
