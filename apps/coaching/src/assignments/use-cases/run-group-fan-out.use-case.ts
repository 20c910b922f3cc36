import { Inject, Injectable } from '@nestjs/common';
import { uuidV7, type Logger } from '@lms/observability';
import { CLOCK, LOGGER, type Clock } from '@lms/service-kit';
import { COACHING_CONFIG, type CoachingConfig } from '../../config/coaching.config';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../../memberships/ports/membership-projection.repository';
import { deriveAssignment, type Assignment } from '../domain/assignment';
import type { GroupAssignment } from '../domain/group-assignment';
import { membersNoLongerMatching, membershipMatches } from '../domain/membership-matching';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { DerivedAssignmentsService } from './derived-assignments.service';

export interface RunGroupFanOutCommand {
  tenantId: string;
  groupAssignmentId: string;
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
 * Progress is saved on the group assignment after each chunk, so that a redelivered event
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
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly derived: DerivedAssignmentsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COACHING_CONFIG) private readonly config: CoachingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: RunGroupFanOutCommand): Promise<FanOutOutcome> {
    const { tenantId, groupAssignmentId } = command;
    const outcome: FanOutOutcome = { processed: 0, created: 0, ended: 0 };
    const found = await this.groupAssignments.findById(tenantId, groupAssignmentId);
    if (!found) {
      // Its event comes from the write that stored it: only a deleted one is missing.
      this.logger.warn({ tenantId, groupAssignmentId }, 'fan-out of an unknown group assignment skipped');
      return outcome;
    }
    if (found.status !== 'current' || found.fanOut.status === 'done') return outcome;
    await this.groupAssignments.markFanOutRunning(tenantId, groupAssignmentId, this.clock.now());
    const limit = this.config.fanOutChunkSize;
    let groupAssignment: GroupAssignment | null = found;
    // Re-read before every chunk: the cursor may have moved (another run) or the assignment ended.
    while (
      groupAssignment !== null &&
      groupAssignment.status === 'current' &&
      groupAssignment.fanOut.status !== 'done'
    ) {
      const cursor = groupAssignment.fanOut.cursor;
      const members = await this.memberships.listActiveWithAnyRole(
        tenantId,
        groupAssignment.groupId,
        groupAssignment.roles,
        {
          afterUserId: cursor,
          limit,
        },
      );
      if (members.length === 0) break;
      const now = this.clock.now();
      const drafts = members
        .filter((membership) => membershipMatches(groupAssignment as GroupAssignment, membership))
        .map((membership) =>
          deriveAssignment(groupAssignment as GroupAssignment, membership, { id: uuidV7(), now }),
        )
        .filter((assignment): assignment is Assignment => assignment !== null);
      outcome.created += (await this.derived.create(tenantId, drafts)).length;
      const userIds = members.map((m) => m.userId);
      outcome.ended += await this.endForMembersGoneMeanwhile(groupAssignment, userIds);
      const saved = await this.groupAssignments.recordFanOutChunk(tenantId, groupAssignmentId, {
        expectedCursor: cursor,
        cursor: userIds[userIds.length - 1],
        processed: members.length,
        now,
      });
      if (saved) outcome.processed += members.length;
      if (saved && members.length < limit) break;
      groupAssignment = await this.groupAssignments.findById(tenantId, groupAssignmentId);
    }
    await this.groupAssignments.markFanOutDone(tenantId, groupAssignmentId, this.clock.now());
    this.logger.info({ tenantId, groupAssignmentId, ...outcome }, 'group assignment fan-out done');
    return outcome;
  }

  /** Closes the race described above for the members of one chunk. */
  private async endForMembersGoneMeanwhile(
    groupAssignment: GroupAssignment,
    userIds: string[],
  ): Promise<number> {
    const { tenantId, groupId } = groupAssignment;
    const latest = await this.memberships.findMany(tenantId, groupId, userIds);
    const gone = membersNoLongerMatching(groupAssignment, userIds, latest);
    if (gone.size === 0) return 0;
    const current = await this.assignments.listCurrentDerivedFor(tenantId, groupAssignment.id, [
      ...gone.keys(),
    ]);
    return this.derived.end(
      tenantId,
      current.map((assignment) => ({
        assignment,
        reason: gone.get(assignment.menteeId) ?? 'membership.removed',
      })),
    );
  }
}
