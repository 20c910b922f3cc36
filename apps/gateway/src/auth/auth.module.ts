import { Module } from '@nestjs/common';
import { GatewayPrincipalGuard } from './gateway-principal.guard';
import { JwtAuthenticator } from './jwt.authenticator';
import { REQUEST_AUTHENTICATOR } from './request-authenticator';

/** Who may call through the gateway: bearer access tokens, verified here and again by each service. */
@Module({
  providers: [{ provide: REQUEST_AUTHENTICATOR, useClass: JwtAuthenticator }, GatewayPrincipalGuard],
  exports: [GatewayPrincipalGuard],
})
export class AuthModule {}
