import { PlatformEnv } from '@lms/service-kit';

/** The learning service's environment, checked at start-up. */
export class LearningEnv extends PlatformEnv {
  override PORT = 3103;
}
