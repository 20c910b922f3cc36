import type { GroupAssignmentStatus, GroupRole } from '@lms/contracts';
import type { FanOutStatus, GroupAssignment } from '../domain/group-assignment';

/** A group assignment as the API shows it, with how far its fan-out and its follow got. */
export class GroupAssignmentResponseDto {
  id!: string;
  groupId!: string;
  roles!: GroupRole[];
  coachIds!: string[];
  startDate!: string;
  endDate!: string | null;
  status!: GroupAssignmentStatus;
  /** False while deactivated (CO-A5): its derived assignments grant nothing either. */
  active!: boolean;
  fanOut!: { status: FanOutStatus; processed: number };
  /** How far its derived assignments have followed its last change (CO-A11). */
  follow!: { status: 'pending' | 'done'; processed: number };
  createdAt!: string;
  version!: number;

  static from(groupAssignment: GroupAssignment): GroupAssignmentResponseDto {
    return {
      id: groupAssignment.id,
      groupId: groupAssignment.groupId,
      roles: groupAssignment.roles,
      coachIds: groupAssignment.coachIds,
      startDate: groupAssignment.startDate,
      endDate: groupAssignment.endDate,
      status: groupAssignment.status,
      active: groupAssignment.active,
      fanOut: { status: groupAssignment.fanOut.status, processed: groupAssignment.fanOut.processed },
      follow: { status: groupAssignment.follow.status, processed: groupAssignment.follow.processed },
      createdAt: groupAssignment.createdAt.toISOString(),
      version: groupAssignment.version,
    };
  }
}
