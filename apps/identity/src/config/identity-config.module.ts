import { Global, Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { IDENTITY_CONFIG, identityConfigFrom } from './identity.config';
import { IdentityEnv } from './identity.env';

/** The service's settings, read from the environment once and checked against {@link IdentityEnv}. */
@Global()
@Module({
  imports: [serviceConfigModule(IdentityEnv)],
  providers: [{ provide: IDENTITY_CONFIG, inject: [IdentityEnv], useFactory: identityConfigFrom }],
  exports: [IDENTITY_CONFIG],
})
export class IdentityConfigModule {}
