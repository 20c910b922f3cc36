import { Inject, Injectable } from '@nestjs/common';
import type { ProfileRights } from '../domain/permission-profile-rights';
import { PROFILE_RIGHTS_REPOSITORY, type ProfileRightsRepository } from '../ports/profile-rights.repository';

/**
 * Keeps learning's projection of permission profiles (ID-U2) from a batch of identity's
 * profile events; an event not newer than what is stored changes nothing (rule 2).
 */
@Injectable()
export class ApplyProfileDefinitionsUseCase {
  constructor(@Inject(PROFILE_RIGHTS_REPOSITORY) private readonly profiles: ProfileRightsRepository) {}

  async execute(definitions: readonly ProfileRights[]): Promise<void> {
    if (definitions.length > 0) await this.profiles.applyMany(definitions);
  }
}
