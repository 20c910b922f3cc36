import { Inject, Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import { CLOCK, type Clock } from '@lms/kernel';
import { COACHING_CONFIG, type CoachingConfig } from '../../config/coaching.config';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../../memberships/ports/membership-projection.repository';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../../users/ports/coaching-user.repository';
import { BulkAssignmentNotFoundError } from '../assignment.errors';
import {
  binsOf,
  decideBulkChunk,
  nextMentees,
  recordMentees,
  type BulkAssignment,
} from '../domain/bulk-assignment';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import {
  BULK_ASSIGNMENT_REPOSITORY,
  type BulkAssignmentRepository,
} from '../ports/bulk-assignment.repository';
import { AssignmentWriter } from './assignment-writer';

/**
 * One chunk of a bulk assignment (CO-A3), on whichever instance holds its job's lease: the
 * next mentees after the results saved so far are decided on what coaching knows of them (one
 * read each of users, memberships and assignments), their assignments created in one bulk
 * write under ids of their own (`bulkAssignmentIdFor`), then their results saved by a
 * compare-and-set on the bulk's version. Run twice, a chunk creates nothing twice and saves
 * its results once.
 */
@Injectable()
export class RunBulkAssignmentUseCase {
  constructor(
    @Inject(BULK_ASSIGNMENT_REPOSITORY) private readonly bulks: BulkAssignmentRepository,
    @Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository,
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COACHING_CONFIG) private readonly config: CoachingConfig,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  /** Runs every chunk until finished (scripts and tests; the service runs it as a job). */
  async execute(command: { tenantId: string; bulkAssignmentId: string }): Promise<void> {
    for (let more = true; more; ) more = (await this.runChunk(command)).more;
  }

  async runChunk(command: { tenantId: string; bulkAssignmentId: string }): Promise<{ more: boolean }> {
    const bulk = await this.bulks.findById(command.tenantId, command.bulkAssignmentId);
    if (!bulk || bulk.state === 'finished') return { more: false };
    const menteeIds = nextMentees(bulk, this.config.fanOutChunkSize);
    const [users, memberships, assignments] = await Promise.all([
      this.users.findMany(bulk.tenantId, menteeIds),
      this.memberships.findMany(bulk.tenantId, bulk.groupId, menteeIds),
      this.assignments.listLiveOf(bulk.tenantId, menteeIds),
    ]);
    const now = this.clock.now();
    const today = await this.calendar.todayOf(bulk.tenantId, now);
    const { results, toCreate } = decideBulkChunk(
      bulk,
      menteeIds,
      { users, memberships, assignments },
      { now, today },
    );
    await this.writer.insertAllIfAbsent(bulk.tenantId, toCreate);
    const recorded = recordMentees(bulk, results, now);
    // Stale: another run saved this chunk meanwhile; the next call reads where it got to.
    if ((await this.bulks.update(recorded, bulk.version)) === 'stale') return { more: true };
    return { more: recorded.state === 'running' };
  }
}

/** A bulk assignment of the tenant with its progress and results. */
@Injectable()
export class GetBulkAssignmentUseCase {
  constructor(@Inject(BULK_ASSIGNMENT_REPOSITORY) private readonly bulks: BulkAssignmentRepository) {}

  async execute(query: { tenantId: string; id: string }): Promise<BulkAssignment> {
    const found = await this.bulks.findById(query.tenantId, query.id);
    if (!found) throw new BulkAssignmentNotFoundError(query.id);
    return found;
  }
}

/** Members read per page, and their assignments per read, when sorting the bins. */
const CANDIDATES_PAGE = 1_000;

/** CO-A3's two bins: the group's members with one of the roles, with or without those coaches. */
@Injectable()
export class ListBulkCandidatesUseCase {
  constructor(
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
  ) {}

  async execute(query: {
    tenantId: string;
    groupId: string;
    roles: GroupRole[];
    coachIds: string[];
  }): Promise<{ assigned: string[]; unassigned: string[] }> {
    const bins = { assigned: [] as string[], unassigned: [] as string[] };
    for (let after: string | null = null; ; ) {
      const members = await this.memberships.listActiveWithAnyRole(
        query.tenantId,
        query.groupId,
        query.roles,
        {
          afterUserId: after,
          limit: CANDIDATES_PAGE,
        },
      );
      const ids = members.map((member) => member.userId);
      const page = binsOf(ids, await this.assignments.listLiveOf(query.tenantId, ids), query.coachIds);
      bins.assigned.push(...page.assigned);
      bins.unassigned.push(...page.unassigned);
      if (members.length < CANDIDATES_PAGE) return bins;
      after = ids[ids.length - 1];
    }
  }
}
