import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { createTeam, type Team } from '../domain/organisation-node';
import { nodeEvent } from '../organisation-events';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';
import { NodeWriter } from './node-writes';

export interface CreateTeamCommand {
  tenantId: string;
  unitId: string;
  name: string;
}

/** ID-G3: creates a team in a unit of the tenant; publishes `team.created`. */
@Injectable()
export class CreateTeamUseCase {
  constructor(
    @Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository,
    private readonly writer: NodeWriter,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateTeamCommand): Promise<Team> {
    const { tenantId, unitId, name } = command;
    await this.writer.find({ tenantId, unitId });
    const now = this.clock.now();
    const team = createTeam({ id: newId(now), tenantId, unitId, name }, now);
    await this.nodes.insert(team, [nodeEvent(this.events, 'created', team)]);
    return team;
  }
}
