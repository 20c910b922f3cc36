import type { AssignmentOrigin, AssignmentStatus } from '@lms/contracts';
import type { Assignment, AssignmentEndReason } from '../domain/assignment';

/** An individual assignment as the API shows it. */
export class AssignmentResponseDto {
  id!: string;
  menteeId!: string;
  coachIds!: string[];
  origin!: AssignmentOrigin;
  groupAssignmentId!: string | null;
  groupId!: string | null;
  startDate!: string;
  endDate!: string | null;
  status!: AssignmentStatus;
  /** False while deactivated (CO-A5): the setup is kept, the coaches are granted nothing. */
  active!: boolean;
  createdAt!: string;
  endedAt?: string;
  endReason?: AssignmentEndReason;
  /** When its mentee and a coach last wrote to each other (CO-W1); null: never. */
  lastInteractionAt!: string | null;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(assignment: Assignment): AssignmentResponseDto {
    return {
      id: assignment.id,
      menteeId: assignment.menteeId,
      coachIds: assignment.coachIds,
      origin: assignment.origin,
      groupAssignmentId: assignment.groupAssignmentId,
      groupId: assignment.groupId,
      startDate: assignment.startDate,
      endDate: assignment.endDate,
      status: assignment.status,
      active: assignment.active,
      createdAt: assignment.createdAt.toISOString(),
      ...(assignment.endedAt === null ? {} : { endedAt: assignment.endedAt.toISOString() }),
      ...(assignment.endReason === null ? {} : { endReason: assignment.endReason }),
      lastInteractionAt: assignment.lastInteractionAt?.toISOString() ?? null,
      version: assignment.version,
    };
  }
}
