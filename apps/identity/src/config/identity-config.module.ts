import { Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { IdentityEnv } from './identity.env';

/** The service's settings, read from the environment once and checked against {@link IdentityEnv}. */
@Module({ imports: [serviceConfigModule(IdentityEnv)] })
export class IdentityConfigModule {}
