import { Global, Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { LEARNING_CONFIG, learningConfigFrom } from './learning.config';
import { LearningEnv } from './learning.env';

/** The service's settings, read from the environment once and checked against {@link LearningEnv}. */
@Global()
@Module({
  imports: [serviceConfigModule(LearningEnv)],
  providers: [{ provide: LEARNING_CONFIG, inject: [LearningEnv], useFactory: learningConfigFrom }],
  exports: [LEARNING_CONFIG],
})
export class LearningConfigModule {}
