import { managesEveryUser, type UserActor } from '../../users/domain/user-permissions';

/**
 * ID-U2: permission profiles are defined, read and deleted by those who manage every user of
 * the tenant (System and Application Administrators, superadmins), in their own tenant only;
 * never by a power user, whatever its profile, nor by a plain user.
 */
export function mayManagePermissionProfiles(actor: UserActor): boolean {
  return managesEveryUser(actor);
}
