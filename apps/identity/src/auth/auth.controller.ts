import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@lms/service-kit';
import type { Jwk } from './domain/signing-key';
import { SigningKeyRing } from './use-cases/signing-key-ring';

/** Sign-in (ID-A1). For now: the public keys every service verifies access tokens with. */
@Controller('auth')
export class AuthController {
  constructor(private readonly keyRing: SigningKeyRing) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): Promise<{ keys: Jwk[] }> {
    return this.keyRing.jwks();
  }
}
