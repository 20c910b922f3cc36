import { IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  ASSIGNMENT_ORIGINS,
  ASSIGNMENT_STATUSES,
  type AssignmentOrigin,
  type AssignmentStatus,
} from '@lms/contracts';
import { PageQueryDto } from '@lms/service-kit';
import { ASSIGNMENT_SORTS, type AssignmentFilter, type AssignmentSort } from '../ports/assignment.repository';
import { IsDay } from './assignment-fields';

/** The filters of the assignments' list, export and report (CO-A10, CO-A12); each narrows. */
export class AssignmentFilterQueryDto {
  @IsOptional()
  @IsUUID()
  menteeId?: string;

  @IsOptional()
  @IsUUID()
  coachId?: string;

  @IsOptional()
  @IsUUID()
  groupAssignmentId?: string;

  /** The mentee's group the assignment is filed under. */
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  /** `true`: only active ones; `false`: only deactivated ones (CO-A5). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  /** Individual ones (CO-A1) or those derived from a group assignment (CO-A2). */
  @IsOptional()
  @IsIn(ASSIGNMENT_ORIGINS)
  origin?: AssignmentOrigin;

  /** Starting on or after this day. */
  @IsOptional()
  @IsDay()
  startFrom?: string;

  /** Starting on or before this day. */
  @IsOptional()
  @IsDay()
  startTo?: string;

  /** In force on this day, ended and expired ones included: who coached whom that day. */
  @IsOptional()
  @IsDay()
  on?: string;

  /** `-createdAt` (newest first, the default), `createdAt`, `-startDate` or `startDate`. */
  @IsOptional()
  @IsIn(ASSIGNMENT_SORTS)
  sort?: AssignmentSort;

  /** The filter as the repository takes it. */
  static filterOf(query: AssignmentFilterQueryDto): AssignmentFilter {
    const { menteeId, coachId, groupAssignmentId, groupId, status, active, origin, startFrom, startTo, on } =
      query;
    return { menteeId, coachId, groupAssignmentId, groupId, status, active, origin, startFrom, startTo, on };
  }
}

/** `GET /v1/assignments`: the filters, a sort and a page. */
export class ListAssignmentsQueryDto extends IntersectionType(PageQueryDto, AssignmentFilterQueryDto) {}
