import type { AssignmentOrigin } from '@lms/contracts';
import type { CoachedMentee } from '../use-cases/list-my-mentees.use-case';

/** One of the caller's mentees, through one of its assignments (CO-W5). */
export class CoachedMenteeResponseDto {
  menteeId!: string;
  firstName!: string | null;
  lastName!: string | null;
  email!: string | null;
  assignmentId!: string;
  origin!: AssignmentOrigin;
  groupId!: string | null;
  startDate!: string;
  endDate!: string | null;

  static from({ assignment, firstName, lastName, email }: CoachedMentee): CoachedMenteeResponseDto {
    return {
      menteeId: assignment.menteeId,
      firstName,
      lastName,
      email,
      assignmentId: assignment.id,
      origin: assignment.origin,
      groupId: assignment.groupId,
      startDate: assignment.startDate,
      endDate: assignment.endDate,
    };
  }
}
