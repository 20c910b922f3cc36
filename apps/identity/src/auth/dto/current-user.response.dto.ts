import type { UserState } from '@lms/contracts';
import type { AdminRole, Locale, PlatformLevel, User } from '../../users/domain/user';

/** The signed-in user, as `GET /auth/me` shows it. */
export class CurrentUserResponseDto {
  userId!: string;
  tenantId!: string;
  email!: string;
  firstName!: string;
  lastName!: string;
  locale!: Locale;
  level!: PlatformLevel;
  adminRoles!: AdminRole[];
  state!: UserState;

  static from(user: User): CurrentUserResponseDto {
    return {
      userId: user.id,
      tenantId: user.tenantId,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      locale: user.locale,
      level: user.level,
      adminRoles: user.adminRoles,
      state: user.state,
    };
  }
}
