import { PlatformEnv } from '@lms/service-kit';

/** The identity service's environment, checked at start-up. */
export class IdentityEnv extends PlatformEnv {
  override PORT = 3101;
}
