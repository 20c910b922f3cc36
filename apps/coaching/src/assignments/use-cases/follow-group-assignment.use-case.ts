import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { COACHING_CONFIG, type CoachingConfig } from '../../config/coaching.config';
import type { Assignment } from '../domain/assignment';
import type { GroupAssignment } from '../domain/group-assignment';
import { followGroupAssignmentSteps } from '../domain/group-assignment-lifecycle';
import type { Membership } from '../../memberships/domain/membership';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../../memberships/ports/membership-projection.repository';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { AssignmentWriter } from './assignment-writer';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';

/** What one chunk of a follow did, and whether more is left. */
export interface FollowChunkOutcome {
  /** Derived assignments looked at by this chunk. */
  processed: number;
  /** Of them, those this chunk changed. */
  changed: number;
  more: boolean;
}

/**
 * A group assignment's derived assignments follow its last change (CO-A11): ended, deactivated,
 * activated or deleted with it, a chunk at a time in one bulk write each, by id. It runs as a
 * job (`GroupFollowJob`); progress is saved on the group assignment after each chunk, for the
 * version being followed, so that a run resumes after the last derived assignment done and a
 * newer change of the group assignment starts the follow over. Each change of a derived
 * assignment is a compare-and-set: one changed meanwhile (by a membership event) is read again
 * and decided again before the cursor moves past it.
 */
@Injectable()
export class FollowGroupAssignmentUseCase {
  constructor(
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COACHING_CONFIG) private readonly config: CoachingConfig,
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  /** Runs every chunk until done (scripts and tests; the service runs it as a job). */
  async execute(command: { tenantId: string; groupAssignmentId: string }): Promise<{ changed: number }> {
    let changed = 0;
    for (;;) {
      const chunk = await this.runChunk(command);
      changed += chunk.changed;
      if (!chunk.more) return { changed };
    }
  }

  async runChunk(command: { tenantId: string; groupAssignmentId: string }): Promise<FollowChunkOutcome> {
    const { tenantId, groupAssignmentId } = command;
    const groupAssignment = await this.groupAssignments.findById(tenantId, groupAssignmentId);
    if (groupAssignment === null || groupAssignment.follow.status === 'done')
      return { processed: 0, changed: 0, more: false };
    const { version, cursor } = groupAssignment.follow;
    const limit = this.config.fanOutChunkSize;
    const page: Assignment[] = await this.assignments.listDerivedAfter(
      tenantId,
      groupAssignmentId,
      cursor,
      limit,
    );
    const now = this.clock.now();
    const memberships = await this.membershipsOf(groupAssignment, page);
    // Days count in the tenant's time zone.
    const dayOf = await this.calendar.dayOfIn(tenantId);
    const context = { now, today: dayOf(now), dayOf };
    const changes = page
      .map((derived) => ({
        before: derived,
        steps: followGroupAssignmentSteps(
          derived,
          groupAssignment,
          context,
          memberships.get(derived.menteeId) ?? null,
        ),
      }))
      .filter(({ steps }) => steps.length > 0);
    const written = await this.writer.changeMany(changes);
    // One changed meanwhile: the same page again, read afresh.
    if (written < changes.length) return { processed: 0, changed: written, more: true };
    if (page.length > 0) {
      const saved = await this.groupAssignments.recordFollowChunk(tenantId, groupAssignmentId, {
        version,
        expectedCursor: cursor,
        cursor: page[page.length - 1].id,
        processed: page.length,
        now,
      });
      if (!saved || page.length === limit)
        return { processed: saved ? page.length : 0, changed: written, more: true };
    }
    // A newer change of the group assignment meanwhile: its follow starts over.
    const done = await this.groupAssignments.markFollowDone(
      tenantId,
      groupAssignmentId,
      groupAssignment.version,
    );
    return { processed: page.length, changed: written, more: !done };
  }

  /**
   * The memberships of the page's mentees, for their own start dates (CO-A4), in one read;
   * not needed once the group assignment no longer coaches anyone.
   */
  private async membershipsOf(
    groupAssignment: GroupAssignment,
    page: readonly Assignment[],
  ): Promise<Map<string, Membership>> {
    if (groupAssignment.status !== 'current' || groupAssignment.deletedAt !== null || page.length === 0)
      return new Map();
    const found = await this.memberships.findMany(
      groupAssignment.tenantId,
      groupAssignment.groupId,
      page.map((derived) => derived.menteeId),
    );
    return new Map(found.map((membership) => [membership.userId, membership]));
  }
}
