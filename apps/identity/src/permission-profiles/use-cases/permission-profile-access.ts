import type { UserActor } from '../../users/domain/user-permissions';
import { mayManagePermissionProfiles } from '../domain/permission-profile-permissions';
import { PermissionProfileForbiddenError } from '../permission-profiles.errors';

/** Throws `PERMISSION_PROFILE.FORBIDDEN` (403) unless the actor manages permission profiles. */
export function authorizePermissionProfiles(actor: UserActor): void {
  if (!mayManagePermissionProfiles(actor)) throw new PermissionProfileForbiddenError();
}
