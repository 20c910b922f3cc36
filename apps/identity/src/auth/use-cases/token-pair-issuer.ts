import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@lms/kernel';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config';
import type { Tenant } from '../../tenants/domain/tenant';
import type { User } from '../../users/domain/user';
import { AccountDeactivatedError, AccountExpiredError } from '../auth.errors';
import { accountStanding } from '../domain/account-standing';
import { refreshTokenOf, startFamily, type RefreshFamily } from '../domain/refresh-token';
import { REFRESH_FAMILY_REPOSITORY, type RefreshFamilyRepository } from '../ports/refresh-family.repository';
import { REFRESH_TOKEN_REPOSITORY, type RefreshTokenRepository } from '../ports/refresh-token.repository';
import { SigningKeyRing, type IssuedAccessToken } from './signing-key-ring';

/** What a login and a refresh answer. */
export interface TokenPair extends IssuedAccessToken {
  /** Opaque: 32 random bytes, base64url. */
  refreshToken: string;
}

/** How a refresh token is stored and looked up: its SHA-256, base64url. */
export function refreshTokenHash(refreshToken: string): string {
  return createHash('sha256').update(refreshToken, 'utf8').digest('base64url');
}

/** Refuses tokens to a deactivated or expired account (ID-U4), or one of a tenant being deleted (ID-T2). */
export function assertAccountUsable(user: User, tenant: Pick<Tenant, 'state'> | null, now: Date): void {
  const standing = accountStanding(user, now, tenant);
  if (standing === 'deactivated') throw new AccountDeactivatedError();
  if (standing === 'expired') throw new AccountExpiredError();
}

/**
 * Issues the token pairs of sign-in (ID-A1): an access token with the user's current level
 * and roles, and the next refresh token of the login's family, stored only as its hash.
 */
@Injectable()
export class TokenPairIssuer {
  constructor(
    @Inject(REFRESH_TOKEN_REPOSITORY) private readonly tokens: RefreshTokenRepository,
    @Inject(REFRESH_FAMILY_REPOSITORY) private readonly families: RefreshFamilyRepository,
    private readonly keyRing: SigningKeyRing,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** A login: a new family and its first pair. */
  async startFamily(user: User, now: Date): Promise<TokenPair> {
    const family = startFamily({ id: newId(now), tenantId: user.tenantId, userId: user.id }, now);
    await this.families.insert(family);
    return this.next(user, family, now);
  }

  /** The next pair of `family`. */
  async next(user: User, family: RefreshFamily, now: Date): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const ttlMs = this.config.signIn.refreshTokenTtlMs;
    await this.tokens.insert(refreshTokenOf(family, refreshTokenHash(refreshToken), now, ttlMs));
    const access = await this.keyRing.issue({
      tenantId: user.tenantId,
      userId: user.id,
      level: user.level,
      roles: user.adminRoles,
    });
    return { ...access, refreshToken };
  }
}
