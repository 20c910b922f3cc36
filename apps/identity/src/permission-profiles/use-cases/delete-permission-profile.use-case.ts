import { Inject, Injectable } from '@nestjs/common';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { PermissionProfileInUseError, PermissionProfileNotFoundError } from '../permission-profiles.errors';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../ports/permission-profile.repository';
import { authorizePermissionProfiles } from './permission-profile-access';

/**
 * ID-U2: deletes a permission profile of the actor's tenant once no user holds it
 * (`PERMISSION_PROFILE.IN_USE` otherwise). Should a user be given the profile while it is
 * being deleted, that user names a profile that is gone, which grants nothing.
 */
@Injectable()
export class DeletePermissionProfileUseCase {
  constructor(
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  async execute(command: { actor: UserActor; name: string }): Promise<void> {
    const { actor, name } = command;
    authorizePermissionProfiles(actor);
    if (!(await this.profiles.find(actor.tenantId, name))) throw new PermissionProfileNotFoundError(name);
    if (await this.users.anyHoldsPermissionProfile(actor.tenantId, name))
      throw new PermissionProfileInUseError(name);
    if (!(await this.profiles.delete(actor.tenantId, name))) throw new PermissionProfileNotFoundError(name);
  }
}
