import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { AccessTokenVerifier } from '@lms/service-kit';
import { SigningKeyRing } from './use-cases/signing-key-ring';

/** How soon an unknown `kid` may make the key set be read again (another instance's rotation). */
const RELOAD_COOLDOWN_MS = 1_000;

/**
 * Identity verifies access tokens with the keys its key ring holds, read from its database,
 * rather than fetching its own JWKS over HTTP: its guard works before it listens, and in tests
 * without a socket. The keys are read once and again when a token names an unknown key.
 */
@Injectable()
export class KeyRingVerification implements OnModuleInit {
  private local: JWTVerifyGetKey | null = null;
  private loadedAt = 0;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly keyRing: SigningKeyRing,
  ) {}

  onModuleInit(): void {
    this.verifier.useKeySource((header, token) => this.keyFor(header, token));
    // A key this process made is known at once; another instance's within the cooldown.
    this.keyRing.onKeysChanged(() => {
      this.local = null;
    });
  }

  private async keyFor(...args: Parameters<JWTVerifyGetKey>): Promise<KeyLike | Uint8Array | JWK> {
    if (!this.local) await this.reload();
    try {
      return await (this.local as JWTVerifyGetKey)(...args);
    } catch (error) {
      if (Date.now() - this.loadedAt < RELOAD_COOLDOWN_MS) throw error;
      await this.reload();
      return (this.local as JWTVerifyGetKey)(...args);
    }
  }

  private async reload(): Promise<void> {
    const { keys } = await this.keyRing.jwks();
    this.local = createLocalJWKSet({ keys: keys as JWK[] });
    this.loadedAt = Date.now();
  }
}
