import { Global, Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { GATEWAY_CONFIG, gatewayConfigFrom } from './gateway.config';
import { GatewayEnv } from './gateway.env';

/** The gateway's settings, read from the environment once and checked against {@link GatewayEnv}. */
@Global()
@Module({
  imports: [serviceConfigModule(GatewayEnv)],
  providers: [{ provide: GATEWAY_CONFIG, inject: [GatewayEnv], useFactory: gatewayConfigFrom }],
  exports: [GATEWAY_CONFIG],
})
export class GatewayConfigModule {}
