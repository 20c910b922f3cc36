/**
 * Refresh tokens (ID-A1), rotated with reuse detection (RFC 9700, section 4.14.2): each
 * refresh spends the token presented and issues the next one of the same family. A spent
 * token presented again means two parties hold the family, so the whole family is revoked
 * and none of its tokens is accepted again, the newest included.
 */

/** A refresh token as stored: only its SHA-256, never the token itself. */
export interface RefreshToken {
  hash: string;
  familyId: string;
  tenantId: string;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
  /** When a refresh exchanged it for the next one; null while unused. */
  spentAt: Date | null;
  version: number;
}

/** The tokens descending from one login; revoked at logout or on reuse. */
export interface RefreshFamily {
  id: string;
  tenantId: string;
  userId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export function startFamily(
  input: { id: string; tenantId: string; userId: string },
  now: Date,
): RefreshFamily {
  return { ...input, createdAt: now, revokedAt: null };
}

/** The next token of `family`, valid for `ttlMs`. */
export function refreshTokenOf(family: RefreshFamily, hash: string, now: Date, ttlMs: number): RefreshToken {
  return {
    hash,
    familyId: family.id,
    tenantId: family.tenantId,
    userId: family.userId,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
    spentAt: null,
    version: 1,
  };
}

/**
 * What presenting a known token of a known family leads to: `rotate` (spend it, issue the
 * next), `reused` (it was spent already: revoke its family), or `invalid` (expired, or of a
 * revoked family; an unknown token is invalid too).
 */
export type RefreshDecision = 'rotate' | 'reused' | 'invalid';

export function refreshDecision(token: RefreshToken, family: RefreshFamily, now: Date): RefreshDecision {
  if (family.revokedAt !== null) return 'invalid';
  if (token.spentAt !== null) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'invalid';
  return 'rotate';
}

/** The token once exchanged for the next one. */
export function spend(token: RefreshToken, now: Date): RefreshToken {
  return { ...token, spentAt: now, version: token.version + 1 };
}
