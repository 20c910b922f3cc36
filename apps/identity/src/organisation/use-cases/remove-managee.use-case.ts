import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { removeManagee, type ManagerRelation } from '../domain/manager-relation';
import { manageeEvent } from '../organisation-events';
import { ManageeNotFoundError } from '../organisation.errors';
import {
  MANAGER_RELATION_REPOSITORY,
  type ManagerRelationRepository,
} from '../ports/manager-relation.repository';
import { DerivedRoleRefresh } from './derived-role-refresh';

export interface RemoveManageeCommand {
  tenantId: string;
  managerId: string;
  manageeId: string;
}

/**
 * ID-G4: ends a manager relation (it stays as a tombstone); publishes `manager.managee-removed`.
 * The manager's derived roles follow (ID-R1): without managees, units or teams it is no longer
 * a Manager.
 */
@Injectable()
export class RemoveManageeUseCase {
  constructor(
    @Inject(MANAGER_RELATION_REPOSITORY) private readonly relations: ManagerRelationRepository,
    private readonly roles: DerivedRoleRefresh,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RemoveManageeCommand): Promise<ManagerRelation> {
    const { tenantId, managerId, manageeId } = command;
    const removed = await withOptimisticRetry<ManagerRelation>(async () => {
      const existing = await this.relations.find(tenantId, managerId, manageeId);
      const decision = removeManagee(existing, this.clock.now());
      if (decision.outcome === 'not-managee') throw new ManageeNotFoundError(managerId, manageeId);
      const outcome = await this.relations.update(decision.relation, decision.relation.version - 1, [
        manageeEvent(this.events, 'removed', decision.relation),
      ]);
      return outcome === 'written' ? { outcome, value: decision.relation } : { outcome };
    });
    await this.roles.refresh(tenantId, [managerId]);
    return removed;
  }
}
