import { Inject, Injectable } from '@nestjs/common';
import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import type { UserActor } from '../../users/domain/user-permissions';
import { removeMember, type Membership } from '../domain/membership';
import { MembershipNotFoundError } from '../memberships.errors';
import { MEMBERSHIP_REPOSITORY, type MembershipRepository } from '../ports/membership.repository';

export interface RemoveMemberCommand {
  tenantId: string;
  groupId: string;
  userId: string;
  /** Who asks (ID-G2: a tenant administrator or the group's admin); absent when the service removes (a group's deletion). */
  actor?: UserActor;
}

/** ID-G6: removes a member (the membership stays as a tombstone); publishes `membership.removed`. */
@Injectable()
export class RemoveMemberUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RemoveMemberCommand): Promise<Membership> {
    const { tenantId, groupId, userId } = command;
    if (command.actor) {
      const group = await this.groups.findById(tenantId, groupId);
      if (!group) throw new GroupNotFoundError(groupId);
      await this.access.authorize(command.actor, 'manage_members', group);
    }
    return withOptimisticRetry<Membership>(async () => {
      const now = this.clock.now();
      const existing = await this.memberships.find(tenantId, groupId, userId);
      const decision = removeMember(existing, now);
      if (decision.outcome === 'not-member') throw new MembershipNotFoundError(groupId, userId);

      const membership = decision.membership;
      const removed = this.events.create(GroupMembershipsStream, 'membership.removed', {
        tenantId,
        aggregateId: membershipAggregateId(groupId, userId),
        aggregateVersion: membership.version,
        occurredAt: now,
        payload: { groupId, userId },
      });
      const outcome = await this.memberships.update(membership, membership.version - 1, [removed]);
      return outcome === 'written' ? { outcome, value: membership } : { outcome };
    });
  }
}
