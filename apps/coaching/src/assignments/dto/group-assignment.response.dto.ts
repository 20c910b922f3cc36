import type { GroupAssignmentStatus, GroupRole } from '@lms/contracts';
import type { FanOutStatus, GroupAssignment } from '../domain/group-assignment';

/** A group assignment as the API shows it, with how far its fan-out got. */
export class GroupAssignmentResponseDto {
  id!: string;
  groupId!: string;
  roles!: GroupRole[];
  coachIds!: string[];
  startDate!: string;
  endDate!: string | null;
  status!: GroupAssignmentStatus;
  fanOut!: { status: FanOutStatus; processed: number };
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
      fanOut: { status: groupAssignment.fanOut.status, processed: groupAssignment.fanOut.processed },
      createdAt: groupAssignment.createdAt.toISOString(),
      version: groupAssignment.version,
    };
  }
}
