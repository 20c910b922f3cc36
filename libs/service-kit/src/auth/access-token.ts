import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTPayload } from 'jose';
import type { Principal } from './principal';

/** Who may accept a token and who issued it: checked on every verification. */
export const ACCESS_TOKEN_AUDIENCE = 'coaching-platform';

/** The claims the identity service puts in an access token beside `iss`, `aud`, `exp`, `sub`. */
export interface AccessTokenClaims extends JWTPayload {
  /** The tenant's id: the only source of a request's tenant. */
  tid: string;
  /** Platform level of the user (`user`, `power_user`, `superadmin`). */
  lvl: string;
  /** Administrative roles of the user (`system_admin`, `application_admin`). */
  roles: string[];
}

export interface AccessTokenVerifierOptions {
  issuer: string;
  /** Where the issuer publishes its public keys (`.../auth/jwks.json`). */
  jwksUrl: string;
  /** Clock tolerance, in seconds, between the issuer and this process. */
  clockToleranceSeconds?: number;
  /** Least time between two fetches of the key set; 30 s. */
  refetchCooldownMs?: number;
}

/**
 * Verifies access tokens: the signature against the issuer's published keys (EdDSA or
 * ES256), `iss`, `aud` and `exp`, and the platform's own claims. The key set is fetched once
 * and kept: a token signed with an unknown `kid` (a rotated key) makes it fetch again, at
 * most every 30 s, and when the issuer is down the keys already held keep verifying.
 */
export class AccessTokenVerifier {
  private keys: JWTVerifyGetKey;

  constructor(
    private readonly options: AccessTokenVerifierOptions,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys =
      keys ??
      createRemoteJWKSet(new URL(options.jwksUrl), {
        cacheMaxAge: Number.POSITIVE_INFINITY,
        cooldownDuration: options.refetchCooldownMs ?? 30_000,
        timeoutDuration: 5_000,
      });
  }

  /**
   * Verifies with these keys from now on instead of the published set: the issuer itself
   * verifies with the keys it holds rather than fetching its own JWKS; tests use their own.
   */
  useKeySource(keys: JWTVerifyGetKey): void {
    this.keys = keys;
  }

  /** The principal of a valid token; null for anything else (expired, forged, wrong audience). */
  async verify(token: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify<AccessTokenClaims>(token, this.keys, {
        issuer: this.options.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithms: ['EdDSA', 'ES256'],
        requiredClaims: ['sub', 'exp', 'tid'],
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
      });
      if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return null;
      return {
        tenantId: payload.tid,
        userId: payload.sub,
        level: typeof payload.lvl === 'string' ? payload.lvl : 'user',
        roles: Array.isArray(payload.roles) ? payload.roles.filter((role) => typeof role === 'string') : [],
      };
    } catch {
      return null;
    }
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i);
  return match?.[1] ?? null;
}
