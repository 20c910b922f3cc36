import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { TENANT_REPOSITORY, type TenantRepository } from '../../tenants/ports/tenant.repository';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { InvalidRefreshTokenError, RefreshTokenReusedError } from '../auth.errors';
import { refreshDecision, spend, type RefreshToken } from '../domain/refresh-token';
import { REFRESH_FAMILY_REPOSITORY, type RefreshFamilyRepository } from '../ports/refresh-family.repository';
import { REFRESH_TOKEN_REPOSITORY, type RefreshTokenRepository } from '../ports/refresh-token.repository';
import { assertAccountUsable, refreshTokenHash, TokenPairIssuer, type TokenPair } from './token-pair-issuer';

export interface RefreshTokensCommand {
  refreshToken: string;
}

/**
 * ID-A1: exchanges a refresh token for a new pair and spends it. A spent token presented
 * again revokes its whole family (RFC 9700); the user is read again, so the new access token
 * carries the current level and roles, and a deactivated or expired user gets none (ID-U4), nor
 * one of a tenant being deleted (ID-T2).
 */
@Injectable()
export class RefreshTokensUseCase {
  constructor(
    @Inject(REFRESH_TOKEN_REPOSITORY) private readonly tokens: RefreshTokenRepository,
    @Inject(REFRESH_FAMILY_REPOSITORY) private readonly families: RefreshFamilyRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly tokenPairs: TokenPairIssuer,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RefreshTokensCommand): Promise<TokenPair> {
    const now = this.clock.now();
    const token = await this.tokens.findByHash(refreshTokenHash(command.refreshToken));
    if (!token) throw new InvalidRefreshTokenError();
    const family = await this.families.findById(token.tenantId, token.familyId);
    if (!family) throw new InvalidRefreshTokenError();
    const decision = refreshDecision(token, family, now);
    if (decision === 'invalid') throw new InvalidRefreshTokenError();
    if (decision === 'reused') return this.revokeReused(token, now);

    const user = await this.users.findById(token.tenantId, token.userId);
    if (!user) throw new InvalidRefreshTokenError();
    assertAccountUsable(user, await this.tenants.findById(user.tenantId), now);
    // Stale: another refresh spent this very token a moment ago; the same token twice is a reuse.
    if ((await this.tokens.update(spend(token, now), token.version)) === 'stale')
      return this.revokeReused(token, now);
    return this.tokenPairs.next(user, family, now);
  }

  private async revokeReused(token: RefreshToken, now: Date): Promise<never> {
    await this.families.revoke(token.tenantId, token.familyId, now);
    throw new RefreshTokenReusedError();
  }
}
