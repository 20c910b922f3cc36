import { Inject, Injectable } from '@nestjs/common';
import { newId } from '@lms/kernel';
import { CLOCK, type Clock } from '@lms/kernel';
import type { Membership, MembershipChange } from '../../memberships/domain/membership';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../../memberships/ports/membership-projection.repository';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import { deriveAssignment, type Assignment, type AssignmentEndReason } from '../domain/assignment';
import type { GroupAssignment } from '../domain/group-assignment';
import { planMemberAssignments } from '../domain/membership-matching';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { AssignmentWriter } from './assignment-writer';
import { TENANT_CALENDAR, type TenantCalendar } from '../../tenants/ports/tenant-calendar';

export interface MembershipBatchOutcome {
  /** What the projection did with each change, in the order of the changes. */
  projection: ProjectionOutcome[];
  /** Derived assignments created. */
  created: number;
  /** Derived assignments ended. */
  ended: number;
}

/**
 * A batch of membership events (CO-A11, rule 8), applied in bulk: the membership projection
 * first, in one bulk write, then the derived assignments of the batch's members brought in
 * line with it: a matching member gets one from every current group assignment of the group;
 * a removed member, or one whose roles no longer match, has them ended.
 *
 * Reads, per tenant of the batch: one of the current group assignments of all the batch's
 * groups. Most groups have none, and then nothing more is read. For the groups that have
 * some: their members of the batch from the projection, and those members' current derived
 * assignments, one read each; then the creates and ends, in bulk where the service can.
 *
 * The projection is written FIRST and the group assignments are read AFTER it: together with
 * the fan-out reading the projection only after its group assignment is stored, this means no
 * membership change can slip between a group assignment's fan-out and this handler (see
 * RunGroupFanOutUseCase for the whole argument). A batch only widens the window between the two
 * steps; the order of the two steps, which the argument rests on, is the same for every event
 * of the batch.
 *
 * The assignments follow the projection's state, read after the write, not the events: a stale
 * or redelivered event changes nothing in the projection, and the reconciliation that follows
 * finds nothing to do, unless an earlier delivery crashed between the two steps, in which case
 * it finishes the job. That is why every member of the batch is reconciled, stale or not.
 */
@Injectable()
export class ApplyMembershipEventsUseCase {
  constructor(
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly writer: AssignmentWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENANT_CALENDAR) private readonly calendar: TenantCalendar,
  ) {}

  async execute(changes: readonly MembershipChange[]): Promise<MembershipBatchOutcome> {
    const outcome: MembershipBatchOutcome = { projection: [], created: 0, ended: 0 };
    if (changes.length === 0) return outcome;
    outcome.projection = await this.memberships.applyMany(changes);
    for (const [tenantId, membersByGroup] of membersByTenantAndGroup(changes)) {
      const groupAssignments = await this.groupAssignments.listCurrentByGroups(tenantId, [
        ...membersByGroup.keys(),
      ]);
      if (groupAssignments.length === 0) continue;
      const drafts: Assignment[] = [];
      const toEnd: Array<{ assignment: Assignment; reason: AssignmentEndReason }> = [];
      for (const [groupId, ofGroup] of groupBy(groupAssignments, (ga) => ga.groupId)) {
        const plan = await this.planGroup(tenantId, groupId, ofGroup, [
          ...(membersByGroup.get(groupId) ?? []),
        ]);
        drafts.push(...plan.drafts);
        toEnd.push(...plan.toEnd);
      }
      outcome.created += (await this.writer.create(tenantId, drafts)).length;
      outcome.ended += await this.writer.end(tenantId, toEnd);
    }
    return outcome;
  }

  /** What the derived assignments of some members of one group should become. */
  private async planGroup(
    tenantId: string,
    groupId: string,
    groupAssignments: GroupAssignment[],
    userIds: string[],
  ): Promise<{
    drafts: Assignment[];
    toEnd: Array<{ assignment: Assignment; reason: AssignmentEndReason }>;
  }> {
    const memberships = new Map(
      (await this.memberships.findMany(tenantId, groupId, userIds)).map((m): [string, Membership] => [
        m.userId,
        m,
      ]),
    );
    const current = groupBy(
      await this.assignments.listCurrentDerivedForMany(
        tenantId,
        groupAssignments.map((ga) => ga.id),
        userIds,
      ),
      (assignment) => assignment.menteeId,
    );
    const now = this.clock.now();
    // A member's days count in its tenant's time zone.
    const dayOf = await this.calendar.dayOfIn(tenantId);
    const drafts: Assignment[] = [];
    const toEnd: Array<{ assignment: Assignment; reason: AssignmentEndReason }> = [];
    for (const userId of userIds) {
      const membership = memberships.get(userId) ?? null;
      const plan = planMemberAssignments({
        membership,
        groupAssignments,
        currentAssignments: current.get(userId) ?? [],
      });
      toEnd.push(...plan.toEnd);
      if (membership === null) continue;
      for (const groupAssignment of plan.toCreate) {
        const draft = deriveAssignment(groupAssignment, membership, { id: newId(), now, dayOf });
        if (draft) drafts.push(draft);
      }
    }
    return { drafts, toEnd };
  }
}

/** The distinct members of the batch, by tenant, then by group. */
function membersByTenantAndGroup(
  changes: readonly MembershipChange[],
): Map<string, Map<string, Set<string>>> {
  const result = new Map<string, Map<string, Set<string>>>();
  for (const { tenantId, groupId, userId } of changes) {
    const groups = result.get(tenantId) ?? new Map<string, Set<string>>();
    result.set(tenantId, groups);
    const users = groups.get(groupId) ?? new Set<string>();
    groups.set(groupId, users);
    users.add(userId);
  }
  return result;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const result = new Map<string, T[]>();
  for (const item of items) result.set(keyOf(item), [...(result.get(keyOf(item)) ?? []), item]);
  return result;
}
