import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { addMember, isTeam, removeMember, type OrganisationNode } from '../domain/organisation-node';
import { memberEvent } from '../organisation-events';
import { NodePersonChange, type NodePersonCommand } from './node-person-change';

export interface ChangeTeamMemberCommand extends NodePersonCommand {
  teamId: string;
}

/**
 * ID-G3: adds a user to a team, or removes it; members of teams are agents (ID-R1), so the
 * user's derived roles follow. Publishes `team.member-added` or `team.member-removed`, nothing
 * when it changes nothing. Only a user of the tenant is added (`ORGANISATION.USER_UNKNOWN`).
 */
@Injectable()
export class ChangeTeamMemberUseCase {
  constructor(
    private readonly people: NodePersonChange,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ChangeTeamMemberCommand): Promise<OrganisationNode> {
    const { userId, change } = command;
    return this.people.apply(
      command,
      (team) => {
        if (!isTeam(team)) return { outcome: 'unchanged' };
        const now = this.clock.now();
        return change === 'add' ? addMember(team, userId, now) : removeMember(team, userId, now);
      },
      (team) => [memberEvent(this.events, change === 'add' ? 'added' : 'removed', team, userId)],
    );
  }
}
