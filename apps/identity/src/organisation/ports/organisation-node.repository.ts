import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { OrganisationNode, Team, Unit } from '../domain/organisation-node';

/**
 * Units and teams of one tenant at a time (ID-G3): every method takes the tenant id. A deleted
 * node (a tombstone) is found by none of them. Each write stores the node and its events
 * (outbox) in one single-document write (rule 1).
 */
export interface OrganisationNodeRepository {
  findById(tenantId: string, id: string): Promise<OrganisationNode | null>;
  insert(node: OrganisationNode, outbox: readonly OutboxEntry[]): Promise<void>;
  /** Replaces the stored state if its version is still `expectedVersion`; else `stale`. */
  update(
    node: OrganisationNode,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome>;
  /** The tenant's units in creation order. */
  listUnits(tenantId: string, page: PageRequest): Promise<Page<Unit>>;
  /** A unit's teams in creation order. */
  listTeams(tenantId: string, unitId: string, page: PageRequest): Promise<Page<Team>>;
  /** Whether the unit has a team (that is not deleted). */
  hasTeams(tenantId: string, unitId: string): Promise<boolean>;
  /** ID-R1: whether the user manages a unit or a team of the tenant. */
  managesAny(tenantId: string, userId: string): Promise<boolean>;
  /** ID-R1: whether the user is a member of a team of the tenant. */
  memberOfAny(tenantId: string, userId: string): Promise<boolean>;
}

export const ORGANISATION_NODE_REPOSITORY = Symbol('ORGANISATION_NODE_REPOSITORY');
