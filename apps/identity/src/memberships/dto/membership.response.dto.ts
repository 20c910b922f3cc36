import type { GroupRole } from '@lms/contracts';
import type { Page } from '../../shared/page';
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
    return Object.assign(new MembershipResponseDto(), {
      id: membership.id,
      groupId: membership.groupId,
      userId: membership.userId,
      roles: [...membership.roles],
      status: membership.status,
      version: membership.version,
    });
  }
}

export class MembershipPageResponseDto {
  items!: MembershipResponseDto[];
  nextOffset!: number | null;

  static from(page: Page<Membership>): MembershipPageResponseDto {
    return Object.assign(new MembershipPageResponseDto(), {
      items: page.items.map((membership) => MembershipResponseDto.from(membership)),
      nextOffset: page.nextOffset,
    });
  }
}
