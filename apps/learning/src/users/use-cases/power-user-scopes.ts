import { Inject, Injectable } from '@nestjs/common';
import { administersTenant, type PermissionRight } from '@lms/contracts';
import type { CourseActor } from '../../courses/domain/course-access';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';
import { POWER_USER_REPOSITORY, type PowerUserRepository } from '../ports/power-user.repository';
import { PROFILE_RIGHTS_REPOSITORY, type ProfileRightsRepository } from '../ports/profile-rights.repository';

/** The right of a permission profile that lets a power user manage the enrollments of its scope (LE-E3). */
export const MANAGES_ENROLLMENTS: PermissionRight = 'enrollments.manage';

/**
 * LE-E3, ID-U2: where a power user manages enrollments: the groups of its scope, when its
 * permission profile holds `enrollments.manage`; nowhere otherwise. Read from learning's
 * projections of identity's user and profile events at each request, so a changed scope or
 * profile counts as soon as its event is applied. An administrator is not a power user here:
 * it manages every enrollment of its tenant anyway.
 */
@Injectable()
export class PowerUserScopes {
  constructor(
    @Inject(POWER_USER_REPOSITORY) private readonly powerUsers: PowerUserRepository,
    @Inject(PROFILE_RIGHTS_REPOSITORY) private readonly profiles: ProfileRightsRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
  ) {}

  /** The groups whose members `actor` manages the enrollments of as a power user; none otherwise. */
  async enrollmentGroupsOf(actor: CourseActor): Promise<string[]> {
    if (actor.userId === null || actor.level !== 'power_user' || administersTenant(actor)) return [];
    const grant = await this.powerUsers.find(actor.tenantId, actor.userId);
    if (grant === null || grant.profile === null) return [];
    const rights = await this.profiles.rightsOf(actor.tenantId, grant.profile);
    return rights?.includes(MANAGES_ENROLLMENTS) ? grant.groupIds : [];
  }

  /** Whether `userId` is a current member of a group where `actor` manages enrollments as a power user. */
  async managesEnrollmentsOf(actor: CourseActor, userId: string): Promise<boolean> {
    return (await this.enrollmentLearnersAmong(actor, [userId])).has(userId);
  }

  /** Of `userIds`, those whose enrollments `actor` manages as a power user (one read for them all). */
  async enrollmentLearnersAmong(actor: CourseActor, userIds: readonly string[]): Promise<Set<string>> {
    const groupIds = await this.enrollmentGroupsOf(actor);
    return this.memberships.activeMembersAmong(actor.tenantId, groupIds, userIds);
  }

  /** Whether `groupId` is a group where `actor` manages enrollments as a power user. */
  async managesEnrollmentsIn(actor: CourseActor, groupId: string): Promise<boolean> {
    return (await this.enrollmentGroupsOf(actor)).includes(groupId);
  }
}
