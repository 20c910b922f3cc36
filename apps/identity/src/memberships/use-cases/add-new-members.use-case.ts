import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock } from '@lms/kernel';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import type { User } from '../../users/domain/user';
import type { UserActor } from '../../users/domain/user-permissions';
import { addMember } from '../domain/membership';
import { membershipAddedEvent } from '../membership-events';
import { MEMBERSHIP_REPOSITORY, type MembershipRepository } from '../ports/membership.repository';
import { groupTakingMembers } from './add-member.use-case';

export interface AddNewMembersCommand {
  tenantId: string;
  groupId: string;
  /** Users just created (so members of no group yet), each with its roles. */
  members: ReadonlyArray<{ user: User; roles: readonly string[] }>;
  actor: UserActor;
}

/**
 * What became of each new member, in the command's order: `added`, `invalid-roles` (refused
 * as `AddMemberUseCase` refuses them), or `already-member` (another writer added the user
 * meanwhile: add it as a single change, which sees that membership).
 */
export type NewMemberOutcome = 'added' | 'invalid-roles' | 'already-member';

/**
 * ID-G1, ID-I4: adds users just created to one group at once, with the rules of
 * `AddMemberUseCase` (the group checked once: it exists, the actor may manage its members,
 * it is not being deleted; each member's roles by `addMember`), their memberships and
 * `membership.added` events inserted in one request. A refusal of the group is thrown.
 */
@Injectable()
export class AddNewMembersUseCase {
  constructor(
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: AddNewMembersCommand): Promise<NewMemberOutcome[]> {
    const { tenantId, groupId } = command;
    await groupTakingMembers(this.groups, this.access, tenantId, groupId, command.actor);
    const now = this.clock.now();
    const decisions = command.members.map(({ user, roles }) =>
      // A user created just now is a member of no group: nothing stored to decide against.
      addMember(null, { tenantId, groupId, userId: user.id, roles, id: newId(now) }, now),
    );
    const inserts = decisions.flatMap((decision) =>
      decision.outcome === 'added'
        ? [
            {
              membership: decision.membership,
              outbox: [membershipAddedEvent(this.events, decision.membership, now)],
            },
          ]
        : [],
    );
    const written = await this.memberships.insertMany(inserts);
    let next = 0;
    return decisions.map((decision): NewMemberOutcome => {
      if (decision.outcome !== 'added') return decision.outcome;
      return written[next++] === 'written' ? 'added' : 'already-member';
    });
  }
}
