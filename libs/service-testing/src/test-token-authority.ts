import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { ACCESS_TOKEN_AUDIENCE, type Principal } from '@lms/service-kit';

/**
 * Issues access tokens for tests, signed with a key of its own, and gives the key set to
 * verify them: a service under test trusts it instead of identity's published keys.
 */
export class TestTokenAuthority {
  private constructor(
    private readonly issuer: string,
    private readonly privateKey: KeyLike,
    readonly keys: JWTVerifyGetKey,
  ) {}

  static async create(issuer: string): Promise<TestTokenAuthority> {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA' };
    return new TestTokenAuthority(issuer, privateKey, createLocalJWKSet({ keys: [publicJwk] }));
  }

  /** A token of `principal`, valid for ten minutes. */
  issue(principal: Principal): Promise<string> {
    return new SignJWT({ tid: principal.tenantId, lvl: principal.level, roles: [...principal.roles] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
      .setSubject(principal.userId ?? 'test-user')
      .setIssuer(this.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }
}
