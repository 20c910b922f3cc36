import type { UserState } from '@lms/contracts';
import type { Locale, User } from '../domain/user';

export class UserResponseDto {
  id!: string;
  email!: string;
  firstName!: string;
  lastName!: string;
  locale!: Locale;
  state!: UserState;
  createdAt!: string;
  version!: number;

  static from(user: User): UserResponseDto {
    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      locale: user.locale,
      state: user.state,
      createdAt: user.createdAt.toISOString(),
      version: user.version,
    };
  }
}
