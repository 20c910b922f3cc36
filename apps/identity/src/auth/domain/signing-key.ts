/**
 * A key that signs access tokens (ID-A1). The newest key signs; older ones stay published
 * until every token they signed has expired, so that a rotation never refuses a valid token.
 */
/** A JSON Web Key (RFC 7517), as stored and published. */
export interface Jwk {
  kty: string;
  [member: string]: unknown;
}

export interface SigningKey {
  /** The `kid` of the tokens it signs and of its public JWK. */
  kid: string;
  algorithm: 'EdDSA';
  /** Public half, as published in the JWKS. */
  publicJwk: Jwk;
  /** Private half, as a JWK. */
  privateJwk: Jwk;
  createdAt: Date;
  /** When a newer key took over signing; null while it is the newest. */
  retiredAt: Date | null;
}

/** The key that signs now: the newest one not retired (several instances may have made one at once). */
export function signingKeyOf(keys: readonly SigningKey[]): SigningKey | null {
  return (
    keys
      .filter((key) => key.retiredAt === null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.kid < b.kid ? 1 : -1))[0] ?? null
  );
}

/**
 * The keys a verifier must know at `now`: every key not retired, and every retired key whose
 * last token (signed at most at `retiredAt`) may still be valid.
 */
export function publishedKeys(keys: readonly SigningKey[], now: Date, tokenTtlMs: number): SigningKey[] {
  return keys.filter((key) => key.retiredAt === null || key.retiredAt.getTime() + tokenTtlMs > now.getTime());
}
