import { Inject, Injectable } from '@nestjs/common';
import type { UserActor } from '../../users/domain/user-permissions';
import type { PermissionProfile } from '../domain/permission-profile';
import { PermissionProfileNotFoundError } from '../permission-profiles.errors';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../ports/permission-profile.repository';
import { authorizePermissionProfiles } from './permission-profile-access';

/** ID-U2: a permission profile of the actor's tenant, by its name. */
@Injectable()
export class GetPermissionProfileUseCase {
  constructor(
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
  ) {}

  async execute(query: { actor: UserActor; name: string }): Promise<PermissionProfile> {
    authorizePermissionProfiles(query.actor);
    const profile = await this.profiles.find(query.actor.tenantId, query.name);
    if (!profile) throw new PermissionProfileNotFoundError(query.name);
    return profile;
  }
}
