import { Inject, Injectable } from '@nestjs/common';
import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { GroupNotFoundError } from '../../groups/groups.errors';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
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
}

/** ID-G1/ID-G6: adds a user of the tenant to a group with its roles; publishes `membership.added`. */
@Injectable()
export class AddMemberUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: AddMemberCommand): Promise<Membership> {
    const { tenantId, groupId, userId } = command;
    if (!(await this.groups.findById(tenantId, groupId))) throw new GroupNotFoundError(groupId);
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
