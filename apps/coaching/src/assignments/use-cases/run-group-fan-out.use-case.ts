import { Inject, Injectable } from '@nestjs/common';
import { newId } from '@lms/kernel';
import { type Logger } from '@lms/observability';
import { CLOCK, type Clock } from '@lms/kernel';
import { LOGGER } from '@lms/service-kit';
import { COACHING_CONFIG, type CoachingConfig } from '../../config/coaching.config';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../../memberships/ports/membership-projection.repository';
import { deriveAssignment, type Assignment } from '../domain/assignment';
import { isInForce, type GroupAssignment } from '../domain/group-assignment';
import { derivedNoLongerMatching, membershipMatches } from '../domain/membership-matching';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { AssignmentWriter } from './assignment-writer';
import { MemberPages } from './member-pages';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';

/** `pendingUntil` of a group's last chunk: it covers every member after the cursor. */
const LAST_MEMBER = '\uffff';

/** Chunks of members the fan-out reads from the projection in one query. */
const READ_AHEAD_CHUNKS = 10;

export interface RunGroupFanOutCommand {
  tenantId: string;
  groupAssignmentId: string;
}

/** What one chunk did, and whether the fan-out has more to do. */
export interface FanOutChunkOutcome extends FanOutOutcome {
  more: boolean;
}

export interface FanOutOutcome {
  /** Matching members handled by this run (a resumed run counts only its own). */
  processed: number;
  /** Derived assignments this run created. */
  created: number;
  /** Derived assignments this run ended again because the member left meanwhile. */
  ended: number;
}

/**
 * The fan-out of a group assignment (CO-A2, rule 6): one derived assignment for each active
 * member of the group holding a matching role, written in bulk chunks ordered by userId.
 * It runs as a job (`GroupFanOutJob`), one `runChunk` at a time, on whichever instance holds
 * the job's lease. Progress is saved on the group assignment after each chunk, so that a run
 * resumes after the last member done; the unique (tenant, group assignment, mentee) upsert
 * makes a repeated chunk create nothing twice.
 *
 * Race with membership events. The membership handler writes the projection first and reads
 * the group assignments afterwards; this fan-out only runs once the group assignment is
 * stored (its event comes from that write's outbox) and reads the projection after that. So
 * for any membership change M, either M's handler reads the group assignments after the group
 * assignment was stored (and fixes that member itself), or M's projection write came before
 * this fan-out's read (and the fan-out sees it). A member added meanwhile is never missed; one
 * derived twice is harmless (same idempotent upsert).
 * The one gap is a member removed (or whose roles stop matching) after this fan-out read the
 * chunk but before it wrote it: the handler found nothing to end yet, and the fan-out would
 * create an assignment for someone who is gone. Hence, after each chunk is written, the
 * chunk's members are read from the projection again and those no longer matching have their
 * new assignment ended: a change written before that re-read is seen by it; one written after
 * it is handled by its own handler, which then finds the assignment already written.
 */
@Injectable()
export class RunGroupFanOutUseCase {
  /** Members read ahead per running fan-out, so that a chunk rarely queries the projection. */
  private readonly pages: MemberPages;

  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COACHING_CONFIG) private readonly config: CoachingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {
    this.pages = new MemberPages(memberships, config.fanOutChunkSize * READ_AHEAD_CHUNKS);
  }

  /** Runs every chunk until the fan-out is done (scripts and tests; the service runs it as a job). */
  async execute(command: RunGroupFanOutCommand): Promise<FanOutOutcome> {
    const total: FanOutOutcome = { processed: 0, created: 0, ended: 0 };
    for (;;) {
      const { more, ...chunk } = await this.runChunk(command);
      total.processed += chunk.processed;
      total.created += chunk.created;
      total.ended += chunk.ended;
      if (!more) return total;
    }
  }

  /**
   * One chunk: the next members after the saved cursor get their derived assignments, then the
   * cursor moves past them. Safe to run twice or on two instances at once: the upserts create
   * nothing twice, and only the run whose cursor still matches saves progress.
   */
  async runChunk(command: RunGroupFanOutCommand): Promise<FanOutChunkOutcome> {
    const { tenantId, groupAssignmentId } = command;
    const outcome: FanOutChunkOutcome = { processed: 0, created: 0, ended: 0, more: false };
    const groupAssignment = await this.groupAssignments.findById(tenantId, groupAssignmentId);
    if (!groupAssignment) {
      // Its event comes from the write that stored it: only a deleted one is missing.
      this.logger.warn({ tenantId, groupAssignmentId }, 'fan-out of an unknown group assignment skipped');
      return outcome;
    }
    if (!isInForce(groupAssignment) || groupAssignment.fanOut.status === 'done') {
      this.pages.forget(groupAssignmentId);
      return outcome;
    }
    if (groupAssignment.fanOut.status === 'pending') {
      await this.groupAssignments.markFanOutRunning(tenantId, groupAssignmentId, this.clock.now());
    }
    const limit = this.config.fanOutChunkSize;
    const { cursor, pendingUntil } = groupAssignment.fanOut;
    // A chunk was cut short after its write: the members it covered are checked again, since
    // one removed meanwhile is not among those this chunk reads.
    if (pendingUntil !== null)
      outcome.ended += await this.endForMembersGoneInRange(groupAssignment, cursor, pendingUntil);
    const members = await this.pages.next(groupAssignment, cursor, limit);
    if (members.length > 0) {
      const now = this.clock.now();
      const last = members[members.length - 1].userId;
      // Before the write: covers to the end of the group when this is its last chunk.
      const until = members.length === limit ? last : null;
      if (
        !(await this.groupAssignments.markFanOutChunkPending(
          tenantId,
          groupAssignmentId,
          cursor,
          until ?? LAST_MEMBER,
        ))
      )
        return { ...outcome, more: true };
      // A member's days count in its tenant's time zone.
      const dayOf = await this.calendar.dayOfIn(tenantId);
      const drafts = members
        .filter((membership) => membershipMatches(groupAssignment, membership))
        .map((membership) => deriveAssignment(groupAssignment, membership, { id: newId(), now, dayOf }))
        .filter((assignment): assignment is Assignment => assignment !== null);
      outcome.created = (await this.writer.create(tenantId, drafts)).length;
      const userIds = members.map((m) => m.userId);
      outcome.ended += await this.endForMembersGoneMeanwhile(groupAssignment, userIds);
      const saved = await this.groupAssignments.recordFanOutChunk(tenantId, groupAssignmentId, {
        expectedCursor: cursor,
        cursor: last,
        processed: members.length,
        now,
      });
      if (saved) outcome.processed = members.length;
      // A full chunk may have more behind it; a cursor moved by another run is looked at again.
      if (!saved || members.length === limit) return { ...outcome, more: true };
    }
    await this.groupAssignments.markFanOutDone(tenantId, groupAssignmentId, this.clock.now());
    this.pages.forget(groupAssignmentId);
    this.logger.info(
      { tenantId, groupAssignmentId, processed: groupAssignment.fanOut.processed + outcome.processed },
      'group assignment fan-out done',
    );
    return outcome;
  }

  /** Closes the race described above for the members of one chunk. */
  private async endForMembersGoneMeanwhile(
    groupAssignment: GroupAssignment,
    userIds: string[],
  ): Promise<number> {
    const { tenantId, groupId } = groupAssignment;
    const latest = await this.memberships.findMany(tenantId, groupId, userIds);
    const gone = new Set(
      userIds.filter((userId) => {
        const membership = latest.find((m) => m.userId === userId);
        return membership === undefined || !membershipMatches(groupAssignment, membership);
      }),
    );
    if (gone.size === 0) return 0;
    const current = await this.assignments.listCurrentDerivedFor(tenantId, groupAssignment.id, [...gone]);
    return this.writer.end(tenantId, derivedNoLongerMatching(groupAssignment, current, latest));
  }

  /** The same, for every member after `cursor` up to `until` (a cut-short chunk's), whoever they are now. */
  private async endForMembersGoneInRange(
    groupAssignment: GroupAssignment,
    cursor: string | null,
    until: string,
  ): Promise<number> {
    const { tenantId, groupId } = groupAssignment;
    const current = await this.assignments.listCurrentDerivedInRange(
      tenantId,
      groupAssignment.id,
      cursor,
      until === LAST_MEMBER ? null : until,
    );
    if (current.length === 0) return 0;
    const latest = await this.memberships.findMany(
      tenantId,
      groupId,
      current.map((assignment) => assignment.menteeId),
    );
    return this.writer.end(tenantId, derivedNoLongerMatching(groupAssignment, current, latest));
  }
}
