import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { createUnit, type Unit } from '../domain/organisation-node';
import { nodeEvent } from '../organisation-events';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';

export interface CreateUnitCommand {
  tenantId: string;
  name: string;
}

/** ID-G3: creates a unit, without teams or managers yet; publishes `unit.created`. */
@Injectable()
export class CreateUnitUseCase {
  constructor(
    @Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateUnitCommand): Promise<Unit> {
    const now = this.clock.now();
    const unit = createUnit({ id: newId(now), tenantId: command.tenantId, name: command.name }, now);
    await this.nodes.insert(unit, [nodeEvent(this.events, 'created', unit)]);
    return unit;
  }
}
