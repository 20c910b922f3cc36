import type { GroupRole } from '@lms/contracts';
import type { Membership, MembershipStatus } from '../domain/membership';

export class MembershipResponseDto {
  id!: string;
  groupId!: string;
  userId!: string;
  /** In the canonical order of the group roles. */
  roles!: GroupRole[];
  status!: MembershipStatus;
  version!: number;

  static from(membership: Membership): MembershipResponseDto {
    return {
      id: membership.id,
      groupId: membership.groupId,
      userId: membership.userId,
      roles: [...membership.roles],
      status: membership.status,
      version: membership.version,
    };
  }
}
