import { Inject, Injectable } from '@nestjs/common';
import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { changeRoles, type Membership } from '../domain/membership';
import { MembershipNotFoundError, MembershipRolesInvalidError } from '../memberships.errors';
import { MEMBERSHIP_REPOSITORY, type MembershipRepository } from '../ports/membership.repository';

export interface ChangeMemberRolesCommand {
  tenantId: string;
  groupId: string;
  userId: string;
  roles: readonly string[];
  /** The version the caller read (`If-Match`): another one refuses the change (412). */
  expectedVersion?: number;
}

/**
 * ID-G6: gives a member new roles; publishes `membership.roles-changed`, nothing when the roles
 * are the same. A caller that read another version than the current one changes nothing
 * (`REQUEST.STALE_VERSION`).
 */
@Injectable()
export class ChangeMemberRolesUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ChangeMemberRolesCommand): Promise<Membership> {
    const { tenantId, groupId, userId } = command;
    return withOptimisticRetry<Membership>(async () => {
      const now = this.clock.now();
      const existing = await this.memberships.find(tenantId, groupId, userId);
      const decision = changeRoles(existing, command.roles, now);
      if (decision.outcome === 'not-member') throw new MembershipNotFoundError(groupId, userId);
      if (existing) assertExpectedVersion(command.expectedVersion, existing.version);
      if (decision.outcome === 'invalid-roles') throw new MembershipRolesInvalidError();
      if (decision.outcome === 'unchanged') return { outcome: 'written', value: decision.membership };

      const membership = decision.membership;
      const changed = this.events.create(GroupMembershipsStream, 'membership.roles-changed', {
        tenantId,
        aggregateId: membershipAggregateId(groupId, userId),
        aggregateVersion: membership.version,
        occurredAt: now,
        payload: { groupId, userId, roles: membership.roles },
      });
      const outcome = await this.memberships.update(membership, membership.version - 1, [changed]);
      return outcome === 'written' ? { outcome, value: membership } : { outcome };
    });
  }
}
