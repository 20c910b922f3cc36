import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { CoachingTenantChange } from '../domain/coaching-tenant';
import {
  COACHING_TENANT_REPOSITORY,
  type CoachingTenantRepository,
} from '../ports/coaching-tenant.repository';

/**
 * A batch of identity's tenant events, applied to coaching's projection of tenants in bulk:
 * each tenant ends at its newest event, whatever the order of the batch. Idempotent (rule 2):
 * an event not newer than what the projection holds (a redelivery, an older copy) changes
 * nothing. Returns each change's outcome, in the order given.
 */
@Injectable()
export class ApplyTenantEventsUseCase {
  constructor(@Inject(COACHING_TENANT_REPOSITORY) private readonly tenants: CoachingTenantRepository) {}

  async execute(changes: readonly CoachingTenantChange[]): Promise<ProjectionOutcome[]> {
    if (changes.length === 0) return [];
    return this.tenants.applyMany(changes);
  }
}
