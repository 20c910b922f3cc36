import type { ManagerRelation } from '../domain/manager-relation';

/** The manager relations learning keeps from identity's events. */
export interface ManagerRelationRepository {
  /** Applies a batch of relation changes: per relation the newest one; a stale one changes nothing. */
  applyMany(changes: readonly ManagerRelation[]): Promise<void>;
  /** Whether `managerId` manages `manageeId` now, in the tenant. */
  manages(tenantId: string, managerId: string, manageeId: string): Promise<boolean>;
}

export const MANAGER_RELATION_REPOSITORY = Symbol('MANAGER_RELATION_REPOSITORY');
