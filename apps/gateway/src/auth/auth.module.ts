import { Module } from '@nestjs/common';
import { GatewayPrincipalGuard } from './gateway-principal.guard';
import { PassThroughAuthenticator } from './pass-through.authenticator';
import { REQUEST_AUTHENTICATOR } from './request-authenticator';

/** Who may call through the gateway. Swap the authenticator here when tokens exist. */
@Module({
  providers: [{ provide: REQUEST_AUTHENTICATOR, useClass: PassThroughAuthenticator }, GatewayPrincipalGuard],
  exports: [GatewayPrincipalGuard],
})
export class AuthModule {}
