import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { REFRESH_FAMILY_REPOSITORY, type RefreshFamilyRepository } from '../ports/refresh-family.repository';
import { REFRESH_TOKEN_REPOSITORY, type RefreshTokenRepository } from '../ports/refresh-token.repository';
import { refreshTokenHash } from './token-pair-issuer';

export interface LogOutCommand {
  refreshToken: string;
}

/**
 * ID-A1: signs out the login a refresh token belongs to by revoking its family. Idempotent,
 * and silent about tokens it does not know. Access tokens already issued stay valid until
 * they expire (minutes).
 */
@Injectable()
export class LogOutUseCase {
  constructor(
    @Inject(REFRESH_TOKEN_REPOSITORY) private readonly tokens: RefreshTokenRepository,
    @Inject(REFRESH_FAMILY_REPOSITORY) private readonly families: RefreshFamilyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: LogOutCommand): Promise<void> {
    const token = await this.tokens.findByHash(refreshTokenHash(command.refreshToken));
    if (token) await this.families.revoke(token.tenantId, token.familyId, this.clock.now());
  }
}
