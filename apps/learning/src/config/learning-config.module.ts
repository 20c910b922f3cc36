import { Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { LearningEnv } from './learning.env';

/** The service's settings, read from the environment once and checked against {@link LearningEnv}. */
@Module({ imports: [serviceConfigModule(LearningEnv)] })
export class LearningConfigModule {}
