import { Inject, Injectable } from '@nestjs/common';
import { groupMembershipKey, type GroupMembershipChange } from '../../memberships/domain/group-membership';
import type { MembershipOutcome } from '../../memberships/ports/group-membership.repository';
import {
  ENROLLMENT_REPOSITORY,
  type EnrollmentRepository,
} from '../../enrollments/ports/enrollment.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../../plans/ports/plan-enrollment.repository';
import { countOutcomes, qualifies, type GroupEnrollment } from '../domain/group-enrollment';
import {
  GROUP_ENROLLMENT_DEPARTURE_REPOSITORY,
  GROUP_ENROLLMENT_REPOSITORY,
  type GroupEnrollmentDepartureRepository,
  type GroupEnrollmentRepository,
} from '../ports/group-enrollment.repository';
import { GroupMemberEnroller } from './group-member-enroller';

/**
 * LE-G1: a group's current and future members. From a batch of membership changes the
 * projection applied, for each group enrollment not ended of the groups they touch: a member
 * now holding a chosen role is enrolled (safe to repeat: an enrollment that exists is kept);
 * one who left, or holds none of the roles any more, and is enrolled in the target is reported
 * as a departure, never unenrolled.
 */
@Injectable()
export class FollowGroupMembershipsUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    @Inject(GROUP_ENROLLMENT_DEPARTURE_REPOSITORY)
    private readonly departures: GroupEnrollmentDepartureRepository,
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    private readonly enroller: GroupMemberEnroller,
  ) {}

  async execute(
    changes: readonly GroupMembershipChange[],
    outcomes: readonly MembershipOutcome[],
  ): Promise<void> {
    const byTenant = new Map<string, GroupMembershipChange[]>();
    for (const change of newestApplied(changes, outcomes))
      byTenant.set(change.tenantId, [...(byTenant.get(change.tenantId) ?? []), change]);
    for (const [tenantId, tenantChanges] of byTenant) {
      const groupIds = [...new Set(tenantChanges.map((c) => c.groupId))];
      for (const group of await this.groupEnrollments.listCurrentOfGroups(tenantId, groupIds))
        await this.follow(
          group,
          tenantChanges.filter((c) => c.groupId === group.groupId),
        );
    }
  }

  private async follow(group: GroupEnrollment, changes: readonly GroupMembershipChange[]): Promise<void> {
    const joining = changes.filter((c) => c.active && qualifies(group, c.roles)).map((c) => c.userId);
    const leaving = changes.filter((c) => !c.active || !qualifies(group, c.roles)).map((c) => c.userId);
    if (joining.length > 0) {
      const counts = countOutcomes(await this.enroller.enroll(group, joining));
      // A member enrolled before (by the job, or a change of roles among the chosen ones) is no news.
      await this.groupEnrollments.addJoined(group.tenantId, group.id, { ...counts, kept: 0 });
      await this.departures.forget(group.tenantId, group.id, joining);
    }
    const enrolledLeavers: string[] = [];
    for (const userId of leaving) if (await this.isEnrolled(group, userId)) enrolledLeavers.push(userId);
    const leftAt = new Map(changes.map((c) => [c.userId, c.updatedAt]));
    await this.departures.record(
      enrolledLeavers.map((userId) => ({
        tenantId: group.tenantId,
        groupEnrollmentId: group.id,
        userId,
        leftAt: leftAt.get(userId) as Date,
      })),
    );
  }

  /** Whether the member holds an enrollment in what the group enrollment names. */
  private async isEnrolled(group: GroupEnrollment, userId: string): Promise<boolean> {
    const { target, tenantId } = group;
    if (target.kind === 'course')
      return (await this.enrollments.findOf(tenantId, target.courseId, userId)) !== null;
    return (await this.planEnrollments.findOf(tenantId, target.planId, userId)) !== null;
  }
}

/** Of each membership's applied changes in the batch, the newest: what the projection now holds. */
function newestApplied(
  changes: readonly GroupMembershipChange[],
  outcomes: readonly MembershipOutcome[],
): GroupMembershipChange[] {
  const newest = new Map<string, GroupMembershipChange>();
  changes.forEach((change, index) => {
    if (outcomes[index] !== 'applied') return;
    const key = groupMembershipKey(change);
    const held = newest.get(key);
    if (!held || held.version < change.version) newest.set(key, change);
  });
  return [...newest.values()];
}
