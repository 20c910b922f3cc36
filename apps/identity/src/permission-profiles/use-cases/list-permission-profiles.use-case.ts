import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { UserActor } from '../../users/domain/user-permissions';
import type { PermissionProfile } from '../domain/permission-profile';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../ports/permission-profile.repository';
import { authorizePermissionProfiles } from './permission-profile-access';

/** ID-U2: the permission profiles of the actor's tenant, in name order. */
@Injectable()
export class ListPermissionProfilesUseCase {
  constructor(
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
  ) {}

  async execute(query: { actor: UserActor; page: PageRequest }): Promise<Page<PermissionProfile>> {
    authorizePermissionProfiles(query.actor);
    return this.profiles.list(query.actor.tenantId, query.page);
  }
}
