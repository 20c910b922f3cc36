import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import type { BulkState } from '@lms/kernel';
import { MAX_BULK_MENTEES, type BulkAssignment, type BulkAssignmentResult } from '../domain/bulk-assignment';
import { IsGroupRoles } from '@lms/service-kit';
import { IsCoachIds, IsDay, MAX_COACHES } from './assignment-fields';

/** A query list given as `a,b` or as the parameter repeated. */
const listOf = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter((item) => item.length > 0) : value;

/** `GET /v1/assignments/bulk-candidates` (CO-A3). */
export class BulkCandidatesQueryDto {
  @IsUUID()
  groupId!: string;

  /** One or more, as `learner,author`. */
  @Transform(listOf)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GROUP_ROLES.length)
  @IsIn(GROUP_ROLES, { each: true })
  roles!: GroupRole[];

  /** One or more coach ids, comma-separated. */
  @Transform(listOf)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COACHES)
  @IsUUID('all', { each: true })
  coachIds!: string[];
}

/** The two bins of CO-A3, as user ids. */
export class BulkCandidatesResponseDto {
  /** Members holding one of the roles who already have every one of the coaches. */
  assigned!: string[];
  /** Members holding one of the roles who do not. */
  unassigned!: string[];
}

/** `POST /v1/assignments/bulk` (CO-A3). */
export class CreateBulkAssignmentRequestDto {
  @IsUUID()
  groupId!: string;

  @IsGroupRoles()
  roles!: GroupRole[];

  @IsCoachIds()
  coachIds!: string[];

  /** The chosen members, up to 10,000; one given twice is assigned once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_MENTEES)
  @IsUUID('all', { each: true })
  menteeIds!: string[];

  /** Defaults to today; may be in the past. */
  @IsOptional()
  @IsDay()
  startDate?: string;

  @IsOptional()
  @IsDay()
  endDate?: string | null;
}

/** A bulk assignment as the API shows it: its setup, its progress and what became of each mentee. */
export class BulkAssignmentResponseDto {
  id!: string;
  groupId!: string;
  roles!: GroupRole[];
  coachIds!: string[];
  startDate!: string;
  endDate!: string | null;
  state!: BulkState;
  /** Mentees chosen (each once). */
  total!: number;
  /** Mentees done so far. */
  processed!: number;
  /** How many of those done ended each way. */
  counts!: Record<string, number>;
  /** One per mentee done, in the order chosen. */
  results!: BulkAssignmentResult[];
  createdAt!: string;
  finishedAt!: string | null;
  version!: number;

  static from(bulk: BulkAssignment): BulkAssignmentResponseDto {
    const counts: Record<string, number> = {};
    for (const { outcome } of bulk.results) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return {
      id: bulk.id,
      groupId: bulk.groupId,
      roles: bulk.roles,
      coachIds: bulk.coachIds,
      startDate: bulk.dates.startDate,
      endDate: bulk.dates.endDate,
      state: bulk.state,
      total: bulk.menteeIds.length,
      processed: bulk.results.length,
      counts,
      results: bulk.results,
      createdAt: bulk.createdAt.toISOString(),
      finishedAt: bulk.finishedAt?.toISOString() ?? null,
      version: bulk.version,
    };
  }
}
