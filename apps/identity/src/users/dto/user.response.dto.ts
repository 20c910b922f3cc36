import type { AdminRole, PlatformLevel, UserState } from '@lms/contracts';
import type { Locale, User } from '../domain/user';

export class PowerUserScopeResponseDto {
  groupIds!: string[];
}

export class UserResponseDto {
  id!: string;
  email!: string;
  firstName!: string;
  lastName!: string;
  locale!: Locale;
  timezone!: string;
  customFields!: Record<string, string>;
  level!: PlatformLevel;
  /** `system_admin` is shown to System Administrators only. */
  adminRoles!: AdminRole[];
  state!: UserState;
  /** ISO 8601; null: never. */
  expiresAt!: string | null;
  /** When the user first opened a course; null: never. */
  firstAccessAt!: string | null;
  powerUserScope!: PowerUserScopeResponseDto | null;
  permissionProfile!: string | null;
  /** ID-R1: derived, never assigned: manages a unit or a team, or has a managee. */
  isManager!: boolean;
  /** ID-R1: derived, never assigned: a member of a team. */
  isAgent!: boolean;
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(user: User): UserResponseDto {
    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      locale: user.locale,
      timezone: user.timezone,
      customFields: { ...user.customFields },
      level: user.level,
      adminRoles: [...user.adminRoles],
      state: user.state,
      expiresAt: user.expiresAt?.toISOString() ?? null,
      firstAccessAt: user.firstAccessAt?.toISOString() ?? null,
      powerUserScope: user.powerUserScope ? { groupIds: [...user.powerUserScope.groupIds] } : null,
      permissionProfile: user.permissionProfile,
      isManager: user.isManager,
      isAgent: user.isAgent,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
      version: user.version,
    };
  }
}
