import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { addMember, isTeam, removeMember, type OrganisationNode } from '../domain/organisation-node';
import { memberEvent } from '../organisation-events';
import { OrganisationUserUnknownError } from '../organisation.errors';
import { DerivedRoleRefresh } from './derived-role-refresh';
import { NodeWriter, type NodeRef } from './node-writes';

export interface ChangeTeamMemberCommand extends NodeRef {
  teamId: string;
  userId: string;
  change: 'add' | 'remove';
}

/**
 * ID-G3: adds a user to a team, or removes it; members of teams are agents (ID-R1), so the
 * user's derived roles follow. Publishes `team.member-added` or `team.member-removed`, nothing
 * when it changes nothing. Only a user of the tenant is added (`ORGANISATION.USER_UNKNOWN`).
 */
@Injectable()
export class ChangeTeamMemberUseCase {
  constructor(
    private readonly writer: NodeWriter,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly roles: DerivedRoleRefresh,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChangeTeamMemberCommand): Promise<OrganisationNode> {
    const { tenantId, userId, change } = command;
    await this.writer.find(command);
    if (change === 'add' && !(await this.users.findById(tenantId, userId)))
      throw new OrganisationUserUnknownError(userId);
    const written = await this.writer.change(
      command,
      (team) => {
        if (!isTeam(team)) return { outcome: 'unchanged' };
        const now = this.clock.now();
        return change === 'add' ? addMember(team, userId, now) : removeMember(team, userId, now);
      },
      (team) => [memberEvent(this.events, change === 'add' ? 'added' : 'removed', team, userId)],
    );
    await this.roles.refresh(tenantId, [userId]);
    return written.node;
  }
}
