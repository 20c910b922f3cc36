import { ApiProperty } from '@nestjs/swagger';
import { type GroupRole } from '@lms/contracts';
import {
  GROUP_ENROLLMENT_STATUSES,
  type GroupEnrollment,
  type GroupEnrollmentCounts,
  type GroupEnrollmentDeparture,
  type GroupEnrollmentStatus,
} from '../domain/group-enrollment';

export class GroupEnrollmentCountsDto {
  enrolled!: number;
  /** Enrolled before: left as they were. */
  kept!: number;
  /** The course no longer published, the plan gone, no seat or session to be had. */
  notEnrolled!: number;
}

/** A group enrollment with its progress, as the API shows it (LE-G1). */
export class GroupEnrollmentResponseDto {
  id!: string;
  groupId!: string;
  /** Exactly one of `courseId` and `planId` is set. */
  courseId!: string | null;
  sessionId!: string | null;
  planId!: string | null;
  roles!: GroupRole[];
  /** `running` (its current members being enrolled), `following` (all enrolled; newcomers enrolled as they join), `ended`. */
  @ApiProperty({ enum: GROUP_ENROLLMENT_STATUSES })
  status!: GroupEnrollmentStatus;
  /** Members of the group read so far, holding a chosen role or not. */
  membersRead!: number;
  /** What became of the chosen members of the group when it was enrolled. */
  counts!: GroupEnrollmentCountsDto;
  /** What became of those who joined, or gained a chosen role, later. */
  joined!: GroupEnrollmentCountsDto;
  createdBy!: string | null;
  createdAt!: string;
  updatedAt!: string;
  endedAt!: string | null;
  version!: number;

  static from(enrollment: GroupEnrollment): GroupEnrollmentResponseDto {
    const { target } = enrollment;
    return {
      id: enrollment.id,
      groupId: enrollment.groupId,
      courseId: target.kind === 'course' ? target.courseId : null,
      sessionId: target.kind === 'course' ? target.sessionId : null,
      planId: target.kind === 'plan' ? target.planId : null,
      roles: [...enrollment.roles],
      status: enrollment.status,
      membersRead: enrollment.membersRead,
      counts: countsDto(enrollment.counts),
      joined: countsDto(enrollment.joined),
      createdBy: enrollment.createdBy,
      createdAt: enrollment.createdAt.toISOString(),
      updatedAt: enrollment.updatedAt.toISOString(),
      endedAt: enrollment.endedAt?.toISOString() ?? null,
      version: enrollment.version,
    };
  }
}

function countsDto(counts: GroupEnrollmentCounts): GroupEnrollmentCountsDto {
  return { enrolled: counts.enrolled, kept: counts.kept, notEnrolled: counts.notEnrolled };
}

/** A member who left the group (or every chosen role) while enrolled through it: its enrollments are kept. */
export class GroupEnrollmentDepartureResponseDto {
  userId!: string;
  leftAt!: string;

  static from(departure: GroupEnrollmentDeparture): GroupEnrollmentDepartureResponseDto {
    return { userId: departure.userId, leftAt: departure.leftAt.toISOString() };
  }
}
