import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrganisationStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { ManagerRelation } from './domain/manager-relation';
import { ApplyManagerRelationsUseCase } from './use-cases/apply-manager-relations.use-case';

type OrganisationEvents = typeof OrganisationStream.events;
type ManageeEvent =
  | EnvelopeOf<OrganisationEvents, 'manager.managee-added'>
  | EnvelopeOf<OrganisationEvents, 'manager.managee-removed'>;

/** Kafka adapter: identity's manager relations, in batches (rule 8), keep the projection of who manages whom. */
@Controller()
export class ManagerEventsConsumer {
  constructor(private readonly applyManagerRelations: ApplyManagerRelationsUseCase) {}

  @OnEventBatch(OrganisationStream, ['manager.managee-added', 'manager.managee-removed'])
  async onManageeEvents(@Payload() events: ManageeEvent[]): Promise<void> {
    await this.applyManagerRelations.execute(events.map(toChange));
  }
}

function toChange(event: ManageeEvent): ManagerRelation {
  return {
    tenantId: event.tenantId,
    managerId: event.payload.managerId,
    manageeId: event.payload.manageeId,
    active: event.type === 'manager.managee-added',
    version: event.aggregateVersion,
  };
}
