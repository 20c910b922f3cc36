import { Inject, Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { ACCESS_TOKEN_AUDIENCE } from '@lms/service-kit';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config';
import { publishedKeys, signingKeyOf, type Jwk, type SigningKey } from '../domain/signing-key';
import { SIGNING_KEY_REPOSITORY, type SigningKeyRepository } from '../ports/signing-key.repository';

/** Who a token speaks for: the claims of an access token. */
export interface TokenSubject {
  tenantId: string;
  userId: string;
  level: string;
  roles: readonly string[];
}

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
}

/**
 * The signing keys of the installation (ID-A1): signs access tokens with the newest key,
 * publishes the public keys verifiers need, and rotates without refusing a valid token (the
 * retired key stays published for one token lifetime). The first key is made on first use.
 */
@Injectable()
export class SigningKeyRing {
  private readonly keysChanged = new Set<() => void>();
  /** Private keys already imported, by `kid`: a key never changes once made. */
  private readonly imported = new Map<string, Promise<KeyLike>>();
  constructor(
    @Inject(SIGNING_KEY_REPOSITORY) private readonly keys: SigningKeyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async issue(subject: TokenSubject): Promise<IssuedAccessToken> {
    const key = signingKeyOf(await this.keys.list()) ?? (await this.addKey());
    const now = this.clock.now();
    const ttl = this.config.tokens.accessTokenTtlSeconds;
    const issuedAt = Math.floor(now.getTime() / 1000);
    const accessToken = await new SignJWT({
      tid: subject.tenantId,
      lvl: subject.level,
      roles: [...subject.roles],
    })
      .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: 'at+jwt' })
      .setSubject(subject.userId)
      .setIssuer(this.config.tokens.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttl)
      .setJti(newId(now))
      .sign(await this.privateKeyOf(key));
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  /** The JWKS: the public keys of every token that may still be valid. */
  async jwks(): Promise<{ keys: Jwk[] }> {
    const ttlMs = this.config.tokens.accessTokenTtlSeconds * 1000;
    const all = await this.keys.list();
    if (!signingKeyOf(all)) all.push(await this.addKey());
    return { keys: publishedKeys(all, this.clock.now(), ttlMs).map((key) => key.publicJwk) };
  }

  /** A new key signs from now on; the others retire, still published until their tokens expire. */
  async rotate(): Promise<string> {
    const key = await this.addKey();
    await this.keys.retireAllBut(key.kid, this.clock.now());
    return key.kid;
  }

  private privateKeyOf(key: SigningKey): Promise<KeyLike> {
    let imported = this.imported.get(key.kid);
    if (!imported) {
      imported = importJWK(key.privateJwk as JWK, key.algorithm) as Promise<KeyLike>;
      this.imported.set(key.kid, imported);
    }
    return imported;
  }

  /** Calls `listener` whenever this process adds or retires a key, e.g. to drop a key cache. */
  onKeysChanged(listener: () => void): void {
    this.keysChanged.add(listener);
  }

  private async addKey(): Promise<SigningKey> {
    const now = this.clock.now();
    const kid = newId(now);
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const key: SigningKey = {
      kid,
      algorithm: 'EdDSA',
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' },
      createdAt: now,
      retiredAt: null,
    };
    await this.keys.insert(key);
    for (const listener of this.keysChanged) listener();
    return key;
  }
}
