import { Inject, Injectable } from '@nestjs/common';
import { grantOf, type UserPowerState } from '../domain/power-user';
import { POWER_USER_REPOSITORY, type PowerUserRepository } from '../ports/power-user.repository';

/**
 * Keeps learning's projection of power users (ID-U2) from a batch of identity's user events:
 * a power user's scope and profile, nothing for anyone else. Idempotent under redelivery: an
 * event not newer than what is stored changes nothing (rule 2).
 */
@Injectable()
export class ApplyPowerUserGrantsUseCase {
  constructor(@Inject(POWER_USER_REPOSITORY) private readonly powerUsers: PowerUserRepository) {}

  async execute(states: readonly UserPowerState[]): Promise<void> {
    if (states.length > 0) await this.powerUsers.applyMany(states.map(grantOf));
  }
}
