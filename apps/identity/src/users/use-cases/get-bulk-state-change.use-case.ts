import { Inject, Injectable } from '@nestjs/common';
import { maySeeBulkStateChange, type BulkStateChange } from '../domain/bulk-state-change';
import type { UserActor } from '../domain/user-permissions';
import {
  BULK_STATE_CHANGE_REPOSITORY,
  type BulkStateChangeRepository,
} from '../ports/bulk-state-change.repository';
import { BulkStateChangeForbiddenError, BulkStateChangeNotFoundError } from '../users.errors';

/**
 * ID-U5: how far a bulk state change got and what became of each id done, for the account that
 * started it and those who manage every user (`USER.FORBIDDEN` otherwise); one of another
 * tenant is not found.
 */
@Injectable()
export class GetBulkStateChangeUseCase {
  constructor(@Inject(BULK_STATE_CHANGE_REPOSITORY) private readonly changes: BulkStateChangeRepository) {}

  async execute(query: { actor: UserActor; bulkStateChangeId: string }): Promise<BulkStateChange> {
    const change = await this.changes.findById(query.actor.tenantId, query.bulkStateChangeId);
    if (!change) throw new BulkStateChangeNotFoundError(query.bulkStateChangeId);
    if (!maySeeBulkStateChange(query.actor, change)) throw new BulkStateChangeForbiddenError();
    return change;
  }
}
