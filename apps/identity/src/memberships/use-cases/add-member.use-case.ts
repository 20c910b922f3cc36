import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { GroupBeingDeletedError, GroupNotFoundError } from '../../groups/groups.errors';
import type { Group } from '../../groups/domain/group';
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
import { membershipAddedEvent } from '../membership-events';
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
 * The group, when members may be added to it by `actor` (ID-G2): it exists, the actor may
 * manage its members, and it is not being deleted; throws the refusal otherwise.
 */
export async function groupTakingMembers(
  groups: GroupRepository,
  access: GroupAccess,
  tenantId: string,
  groupId: string,
  actor: UserActor | undefined,
): Promise<Group> {
  const group = await groups.findById(tenantId, groupId);
  if (!group) throw new GroupNotFoundError(groupId);
  if (actor) await access.authorize(actor, 'manage_members', group);
  if (group.status !== 'active') throw new GroupBeingDeletedError(groupId);
  return group;
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
    await groupTakingMembers(this.groups, this.access, tenantId, groupId, command.actor);
    if (!(await this.users.findById(tenantId, userId))) throw new MembershipUserUnknownError(userId);

    return withOptimisticRetry<Membership>(async () => {
      const now = this.clock.now();
      const existing = await this.memberships.find(tenantId, groupId, userId);
      const decision = addMember(existing, { ...command, id: newId(now) }, now);
      if (decision.outcome === 'invalid-roles') throw new MembershipRolesInvalidError();
      if (decision.outcome === 'already-member') throw new MembershipAlreadyExistsError(groupId, userId);

      const membership = decision.membership;
      const added = membershipAddedEvent(this.events, membership, now);
      const outcome = existing
        ? await this.memberships.update(membership, existing.version, [added])
        : await this.memberships.insert(membership, [added]);
      return outcome === 'written' ? { outcome, value: membership } : { outcome };
    });
  }
}
