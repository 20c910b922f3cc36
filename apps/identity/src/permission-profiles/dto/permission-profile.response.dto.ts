import type { PermissionProfile, PermissionRight } from '../domain/permission-profile';

export class PermissionProfileResponseDto {
  id!: string;
  name!: string;
  /** In the order of the rights catalogue. */
  rights!: PermissionRight[];
  description!: string | null;
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(profile: PermissionProfile): PermissionProfileResponseDto {
    return {
      id: profile.id,
      name: profile.name,
      rights: [...profile.rights],
      description: profile.description,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
      version: profile.version,
    };
  }
}
