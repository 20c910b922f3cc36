import { Inject, Injectable } from '@nestjs/common';
import type { GroupMembershipChange } from '../domain/group-membership';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
  type MembershipOutcome,
} from '../ports/group-membership.repository';

/**
 * Keeps learning's projection of group memberships (for the catalog's per-group libraries,
 * LE-C1) from a batch of identity's membership events: idempotent under redelivery, an event
 * not newer than what is stored changes nothing (rule 2).
 */
@Injectable()
export class ApplyMembershipEventsUseCase {
  constructor(@Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository) {}

  async execute(changes: readonly GroupMembershipChange[]): Promise<MembershipOutcome[]> {
    if (changes.length === 0) return [];
    return this.memberships.applyMany(changes);
  }
}
