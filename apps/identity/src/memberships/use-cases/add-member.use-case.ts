import { Inject, Injectable } from '@nestjs/common';
import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { GroupBeingDeletedError, GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import type { UserActor } from '../../users/domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { addMember, type Membership } from '../domain/membership';
import {
  MembershipAlreadyExistsError,
  MembershipRolesInvalidError,
  MembershipUserUnknownError,
} from '../memberships.errors';
import { MEMBERSHIP_REPOSITORY, type MembershipRepository } from '../ports/membership.repository';

export interface AddMemberCommand {
  tenantId: string;
  groupId: string;
  userId: string;
  roles: readonly string[];
  /** Who asks (ID-G2: a tenant administrator or the group's admin); absent when the service adds (an accepted invitation). */
  actor?: UserActor;
}

/**
 * ID-G1/ID-G6: adds a user of the tenant to a group with its roles; publishes `membership.added`.
 * Nobody joins a group being deleted.
 */
@Injectable()
export class AddMemberUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly access: GroupAccess,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: AddMemberCommand): Promise<Membership> {
    const { tenantId, groupId, userId } = command;
    const group = await this.groups.findById(tenantId, groupId);
    if (!group) throw new GroupNotFoundError(groupId);
    if (command.actor) await this.access.authorize(command.actor, 'manage_members', group);
    if (group.status !== 'active') throw new GroupBeingDeletedError(groupId);
    if (!(await this.users.findById(tenantId, userId))) throw new MembershipUserUnknownError(userId);

    return withOptimisticRetry<Membership>(async () => {
      const now = this.clock.now();
      const existing = await this.memberships.find(tenantId, groupId, userId);
      const decision = addMember(existing, { ...command, id: newId(now) }, now);
      if (decision.outcome === 'invalid-roles') throw new MembershipRolesInvalidError();
      if (decision.outcome === 'already-member') throw new MembershipAlreadyExistsError(groupId, userId);

      const membership = decision.membership;
      const added = this.events.create(GroupMembershipsStream, 'membership.added', {
        tenantId,
        aggregateId: membershipAggregateId(groupId, userId),
        aggregateVersion: membership.version,
        occurredAt: now,
        payload: { groupId, userId, roles: membership.roles },
      });
      const outcome = existing
        ? await this.memberships.update(membership, existing.version, [added])
        : await this.memberships.insert(membership, [added]);
      return outcome === 'written' ? { outcome, value: membership } : { outcome };
    });
  }
}
